using System.Net;
using System.Net.Sockets;

namespace CityTwin.Testing;

public static class FreePort
{
    private static readonly object Gate = new();
    private static readonly HashSet<int> Handed = [];

    /// <summary>
    /// A loopback port nobody listens on now, never the same twice in this process, so that parallel
    /// test classes do not pick one port between asking and binding.
    /// </summary>
    public static int Next()
    {
        lock (Gate)
        {
            while (true)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (Handed.Add(port)) return port;
            }
        }
    }
}
