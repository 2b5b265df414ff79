using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;

namespace CityTwin.Benchmarks.Http;

/// <summary>
/// One keep-alive HTTP/1.1 connection that sends prepared GET requests and reads whole responses
/// (Content-Length or chunked), one at a time. The load generator's own cost per request is a send and a
/// receive or two: HttpClient's handler, headers collections and response objects cost several times more CPU
/// per request than that, and on a 2-core machine the client's CPU is taken from the host it measures.
/// </summary>
internal sealed class RawHttpConnection(IPEndPoint endpoint) : IDisposable
{
    private static ReadOnlySpan<byte> HeaderEnd => "\r\n\r\n"u8;
    private static ReadOnlySpan<byte> ContentLength => "\r\nContent-Length: "u8;
    private static ReadOnlySpan<byte> Chunked => "\r\nTransfer-Encoding: chunked"u8;
    private static ReadOnlySpan<byte> LineEnd => "\r\n"u8;

    private Socket? socket;
    private byte[] buffer = new byte[16 * 1024];

    /// <summary>Sends the request and reads its response; returns the status code.</summary>
    /// <exception cref="IOException">The connection closed or the response could not be read; the next call reconnects.</exception>
    public async ValueTask<int> GetAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken)
    {
        try
        {
            var connected = socket ??= await ConnectAsync(cancellationToken);
            await connected.SendAsync(request, SocketFlags.None, cancellationToken);
            var filled = 0;
            while (true)
            {
                if (filled == buffer.Length)
                    Array.Resize(ref buffer, buffer.Length * 2);
                var read = await connected.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, cancellationToken);
                if (read == 0)
                    throw new IOException("the server closed the connection");
                filled += read;
                if (TryReadResponse(buffer.AsSpan(0, filled), out var status))
                    return status;
            }
        }
        catch (Exception e) when (e is SocketException or IOException or FormatException)
        {
            Dispose();
            throw e as IOException ?? new IOException(e.Message, e);
        }
    }

    public void Dispose()
    {
        socket?.Dispose();
        socket = null;
    }

    private async Task<Socket> ConnectAsync(CancellationToken cancellationToken)
    {
        var created = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await created.ConnectAsync(endpoint, cancellationToken);
        return created;
    }

    /// <summary>Whether <paramref name="received"/> holds a whole response (the server answers one request at a time).</summary>
    /// <exception cref="FormatException">Not an HTTP/1.1 response this reader understands.</exception>
    internal static bool TryReadResponse(ReadOnlySpan<byte> received, out int status)
    {
        status = 0;
        var headerEnd = received.IndexOf(HeaderEnd);
        if (headerEnd < 0)
            return false;
        if (headerEnd < 12 || !Utf8Parser.TryParse(received.Slice(9, 3), out status, out _))
            throw new FormatException("not an HTTP/1.1 status line");
        var headers = received[..(headerEnd + 2)];
        var body = received[(headerEnd + HeaderEnd.Length)..];
        var lengthAt = headers.IndexOf(ContentLength);
        if (lengthAt >= 0)
        {
            if (!Utf8Parser.TryParse(headers[(lengthAt + ContentLength.Length)..], out int length, out _))
                throw new FormatException("unreadable Content-Length");
            return body.Length >= length;
        }
        if (headers.IndexOf(Chunked) < 0)
            return true;
        // Chunks: hex size, CRLF, data, CRLF; a zero-size chunk and an empty line end the body (no trailers).
        var position = 0;
        while (true)
        {
            var sizeEnd = body[position..].IndexOf(LineEnd);
            if (sizeEnd < 0)
                return false;
            if (!Utf8Parser.TryParse(body.Slice(position, sizeEnd), out int size, out _, 'x'))
                throw new FormatException("unreadable chunk size");
            position += sizeEnd + LineEnd.Length;
            if (size == 0)
                return body.Length >= position + LineEnd.Length;
            position += size + LineEnd.Length;
            if (position > body.Length)
                return false;
        }
    }
}
