using System.Net.Sockets;
using System.Text;

namespace CityTwin.Integration.Tests.Mqtt;

/// <summary>
/// A TCP connection that writes MQTT bytes as given, well-formed or not, to see what the broker does with
/// them. Packets are built by hand (MQTT 3.1.1) so that a test can break them on purpose.
/// </summary>
public sealed class RawMqttConnection : IAsyncDisposable
{
    private readonly TcpClient client;
    private readonly NetworkStream stream;

    private RawMqttConnection(TcpClient client)
    {
        this.client = client;
        stream = client.GetStream();
    }

    public static async Task<RawMqttConnection> OpenAsync(int port)
    {
        var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        return new RawMqttConnection(client);
    }

    /// <summary>Opens a connection and sends a well-formed MQTT 3.1.1 CONNECT, which the broker must accept.</summary>
    public static async Task<RawMqttConnection> ConnectAsync(int port, string clientId, string user, string password, TimeSpan within)
    {
        var raw = await OpenAsync(port);
        await raw.SendAsync(Connect(clientId, user, password));
        Assert.Equal(ConnackAccepted, await raw.ReadAsync(4, within));
        return raw;
    }

    /// <summary>CONNACK, session not present, return code 0 (accepted).</summary>
    public static byte[] ConnackAccepted { get; } = [0x20, 0x02, 0x00, 0x00];

    public async Task SendAsync(params byte[] bytes)
    {
        try
        {
            await stream.WriteAsync(bytes);
            await stream.FlushAsync();
        }
        catch (IOException)
        {
            // The broker closed the connection while we were still writing: what some tests expect.
        }
    }

    /// <summary>Reads what the broker sends until it closes the connection; null if it is still open after <paramref name="within"/>.</summary>
    public async Task<byte[]?> ReadUntilClosedAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        var received = new List<byte>();
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                    return [.. received];
                received.AddRange(buffer.AsSpan(0, read).ToArray());
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (IOException)
        {
            return [.. received]; // reset by the broker
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes, or fewer if the broker closes first.</summary>
    public async Task<byte[]> ReadAsync(int count, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        var buffer = new byte[count];
        var total = 0;
        while (total < count)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(total), timeout.Token);
            if (read == 0)
                break;
            total += read;
        }
        return buffer[..total];
    }

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// A CONNECT with user name and password, clean session, MQTT 3.1.1 (level 4) or 5 (no properties);
    /// <paramref name="flags"/> are the fixed header's low bits (0 when well-formed).
    /// </summary>
    public static byte[] Connect(string clientId, string user, string password, byte flags = 0, byte protocolLevel = 4)
    {
        var body = new List<byte> { 0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', protocolLevel, 0xC2, 0x00, 0x3C };
        if (protocolLevel == 5)
            body.Add(0x00);
        body.AddRange(Utf8String(clientId));
        body.AddRange(Utf8String(user));
        body.AddRange(Utf8String(password));
        return Packet((byte)(0x10 | flags), body);
    }

    /// <summary>A QoS 1 PUBLISH with packet id 1 and the topic's bytes as given (they may be invalid UTF-8); <paramref name="dup"/> marks a resend.</summary>
    public static byte[] PublishQos1(byte[] topic, string payload, bool dup = false)
    {
        var body = new List<byte> { (byte)(topic.Length >> 8), (byte)topic.Length };
        body.AddRange(topic);
        body.AddRange([0x00, 0x01]);
        body.AddRange(Encoding.UTF8.GetBytes(payload));
        return Packet(dup ? (byte)0x3A : (byte)0x32, body);
    }

    /// <summary>A SUBSCRIBE to one filter at QoS 1; its fixed-header flags must be 0b0010.</summary>
    public static byte[] Subscribe(string filter, byte flags = 0x02)
    {
        var body = new List<byte> { 0x00, 0x02 };
        body.AddRange(Utf8String(filter));
        body.Add(0x01);
        return Packet((byte)(0x80 | flags), body);
    }

    private static byte[] Packet(byte typeAndFlags, List<byte> body)
    {
        var packet = new List<byte> { typeAndFlags };
        var length = body.Count;
        do
        {
            var digit = (byte)(length % 128);
            length /= 128;
            packet.Add(length > 0 ? (byte)(digit | 0x80) : digit);
        }
        while (length > 0);
        packet.AddRange(body);
        return [.. packet];
    }

    private static byte[] Utf8String(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return [(byte)(bytes.Length >> 8), (byte)bytes.Length, .. bytes];
    }
}
