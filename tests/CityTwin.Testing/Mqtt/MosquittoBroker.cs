using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace CityTwin.Testing.Mqtt;

/// <summary>
/// A real Mosquitto (Debian's /usr/sbin/mosquitto) running deploy/mosquitto/mosquitto.conf on free
/// loopback ports, with its persistence, dynamic-security JSON and a fresh self-signed TLS certificate
/// in a temporary directory. The dynamic-security file is initialised with an admin client, as the
/// deploy README tells an operator to do.
/// Started as root, Mosquitto will not stay root: it drops to the 'mosquitto' user before it loads the
/// TLS key, the plugin's JSON and the persistence file, so the directory is handed to that user.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    public const string AdminUsername = "citytwin-admin";
    private const string FolderPrefix = "citytwin-mosquitto";
    private const string BrokerPath = "/usr/sbin/mosquitto";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly MosquittoLayout layout;
    private readonly StringBuilder log = new();
    private Process? process;

    private MosquittoBroker(MosquittoLayout layout, string adminPassword)
    {
        this.layout = layout;
        AdminPassword = adminPassword;
    }

    public string Host => "127.0.0.1";

    /// <summary>Plain MQTT on loopback (the shipped config's 1883).</summary>
    public int Port => layout.Port;

    /// <summary>MQTT over TLS (the shipped config's 8883), certificate in <see cref="CaFile"/>.</summary>
    public int TlsPort => layout.TlsPort;

    /// <summary>The self-signed server certificate (CN and SAN localhost, 127.0.0.1): trust it to connect over TLS.</summary>
    public string CaFile => layout.CertificateFile;

    public string AdminPassword { get; }

    /// <summary>mosquitto_pub / mosquitto_sub options for the plain loopback listener, anonymous until given credentials.</summary>
    public MosquittoClientOptions Plain => new(Host, Port);

    /// <summary>The same for the TLS listener, trusting the broker's certificate.</summary>
    public MosquittoClientOptions Tls => new(Host, TlsPort) { CaFile = CaFile };

    public string Directory => layout.Directory;

    public bool IsRunning => process is { HasExited: false };

    public string Log
    {
        get { lock (log) return log.ToString(); }
    }

    public static async Task<MosquittoBroker> StartAsync()
    {
        if (!File.Exists(BrokerPath))
            throw new InvalidOperationException($"{BrokerPath} not found: install Debian's 'mosquitto' and 'mosquitto-clients' (scripts/install-prerequisites does).");
        LeftoverSweep.RemoveFoldersOfEndedProcesses(FolderPrefix);
        var directory = Path.Combine(Path.GetTempPath(), LeftoverSweep.NewDirectoryName(FolderPrefix));
        var layout = new MosquittoLayout(directory, FreePort.Next(), FreePort.Next());
        var broker = new MosquittoBroker(layout, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        try
        {
            await broker.PrepareAsync();
            await broker.RunAsync();
            return broker;
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the broker (SIGTERM, so it saves its persistence file) and starts it again on the same directory and ports.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await RunAsync();
    }

    /// <summary>SIGTERM and wait; SIGKILL if it has not exited within 10 s.</summary>
    public async Task StopAsync()
    {
        if (process is null) return;
        var running = process;
        process = null;
        if (!running.HasExited)
        {
            _ = SendSignal(running.Id, Sigterm);
            using var deadline = new CancellationTokenSource(StopTimeout);
            try { await running.WaitForExitAsync(deadline.Token); }
            catch (OperationCanceledException)
            {
                running.Kill(entireProcessTree: true);
                await running.WaitForExitAsync();
            }
        }
        running.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        LeftoverSweep.TryDelete(layout.Directory);
    }

    private async Task PrepareAsync()
    {
        System.IO.Directory.CreateDirectory(layout.PersistenceDirectory);
        var shipped = await File.ReadAllTextAsync(MosquittoConfigTemplate.ShippedPath);
        await File.WriteAllTextAsync(layout.ConfigFile, MosquittoConfigTemplate.Render(shipped, layout));
        var timeout = TimeSpan.FromSeconds(30);
        await ToolRunner.RunCheckedAsync("openssl", [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", layout.KeyFile, "-out", layout.CertificateFile, "-days", "2",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"], timeout);
        await ToolRunner.RunCheckedAsync("mosquitto_ctrl", ["dynsec", "init", layout.DynamicSecurityFile, AdminUsername, AdminPassword], timeout);
        if (Environment.UserName == "root")
            await ToolRunner.RunCheckedAsync("chown", ["-R", "mosquitto:mosquitto", layout.Directory], timeout);
    }

    private async Task RunAsync()
    {
        lock (log) log.Clear();
        var started = ToolRunner.Start(BrokerPath, ["-c", layout.ConfigFile]);
        started.EnableRaisingEvents = true;
        DataReceivedEventHandler append = (_, e) =>
        {
            if (e.Data is null) return;
            lock (log) log.AppendLine(e.Data);
        };
        started.OutputDataReceived += append;
        started.ErrorDataReceived += append;
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        process = started;

        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (started.HasExited)
                throw new InvalidOperationException($"mosquitto exited with {started.ExitCode} at start:\n{Log}");
            if (Log.Contains(" running", StringComparison.Ordinal) && await AcceptsAsync(Port) && await AcceptsAsync(TlsPort))
                return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"mosquitto did not accept connections within {StartTimeout.TotalSeconds} s:\n{Log}");
    }

    private async Task<bool> AcceptsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(Host, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private const int Sigterm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
