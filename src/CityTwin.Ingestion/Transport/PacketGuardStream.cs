namespace CityTwin.Ingestion.Transport;

/// <summary>
/// A client connection seen through a <see cref="PacketGuard"/>: an oversized or malformed packet ends the
/// connection (an MQTT 5 client past CONNECT is first sent DISCONNECT with 0x95 "packet too large" or 0x81
/// "malformed packet") instead of reaching the packet reader.
/// </summary>
public sealed class PacketGuardStream(Stream inner, PacketGuard guard, Action<PacketRefusal> refused) : Stream
{

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        if (read > 0 && guard.Observe(buffer.Span[..read]) is { } refusal)
        {
            refused(refusal);
            if (guard.ProtocolLevel == 5 && !guard.InFirstPacket)
            {
                try
                {
                    // DISCONNECT, remaining length 2, the reason code, no properties.
                    await inner.WriteAsync(new byte[] { 0xE0, 0x02, refusal.DisconnectReasonCode, 0x00 }, cancellationToken);
                    await inner.FlushAsync(cancellationToken);
                }
                catch (IOException)
                {
                    // The client is gone already; closing is all that is left.
                }
            }
            throw new IOException($"connection closed: {refusal.Detail}");
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
