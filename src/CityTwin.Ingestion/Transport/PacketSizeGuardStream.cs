namespace CityTwin.Ingestion.Transport;

/// <summary>
/// A client connection seen through a <see cref="PacketSizeGuard"/>: an oversized or malformed packet
/// ends the connection (with DISCONNECT 0x95 "packet too large" for an MQTT 5 client past CONNECT)
/// instead of reaching the packet reader.
/// </summary>
public sealed class PacketSizeGuardStream(Stream inner, PacketSizeGuard guard, Action<string> refused) : Stream
{
    // DISCONNECT, remaining length 2, reason 0x95 (packet too large), no properties.
    private static readonly byte[] PacketTooLarge = [0xE0, 0x02, 0x95, 0x00];

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        if (read > 0 && guard.Observe(buffer.Span[..read]) is { } reason)
        {
            refused(reason);
            if (guard.ProtocolLevel == 5 && !guard.InFirstPacket)
            {
                try
                {
                    await inner.WriteAsync(PacketTooLarge, cancellationToken);
                    await inner.FlushAsync(cancellationToken);
                }
                catch (IOException)
                {
                    // The client is gone already; closing is all that is left.
                }
            }
            throw new IOException($"connection closed: {reason}");
        }
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => inner.DisposeAsync();
}
