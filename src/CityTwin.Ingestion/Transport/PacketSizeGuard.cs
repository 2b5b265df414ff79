namespace CityTwin.Ingestion.Transport;

/// <summary>
/// Follows the MQTT packet boundaries in a byte stream by reading each fixed header (type byte, then the
/// remaining length as a variable-length integer) and counting the body. It refuses a packet whose
/// remaining length exceeds the limit as soon as the length is known, before any of the body is read,
/// so no buffer of the claimed size is ever allocated. It also learns the protocol level from CONNECT,
/// so an MQTT 5 client can be told why it is being disconnected.
/// </summary>
public sealed class PacketSizeGuard(int maxRemainingLength)
{
    private enum Phase { Type, Length, Body }

    private Phase phase = Phase.Type;
    private int lengthMultiplier = 1;
    private int lengthBytes;
    private long remaining;
    private bool firstPacket = true;
    private int connectBodyOffset;
    private int protocolNameLength = -1;

    public int MaxRemainingLength { get; } = maxRemainingLength;

    /// <summary>4 for MQTT 3.1.1, 5 for MQTT 5, 3 for 3.1; 0 until CONNECT showed it.</summary>
    public int ProtocolLevel { get; private set; }

    /// <summary>Whether the packet now being read is the first one (CONNECT).</summary>
    public bool InFirstPacket => firstPacket;

    /// <returns>Null while the bytes are acceptable, else why the connection must be closed.</returns>
    public string? Observe(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            switch (phase)
            {
                case Phase.Type:
                    phase = Phase.Length;
                    lengthMultiplier = 1;
                    lengthBytes = 0;
                    remaining = 0;
                    break;
                case Phase.Length:
                    remaining += (b & 0x7F) * (long)lengthMultiplier;
                    lengthBytes++;
                    if (remaining > MaxRemainingLength)
                        return $"packet of {remaining}+ bytes exceeds the maximum of {MaxRemainingLength}";
                    if ((b & 0x80) != 0)
                    {
                        if (lengthBytes == 4)
                            return "malformed remaining length (more than 4 bytes)";
                        lengthMultiplier *= 128;
                        break;
                    }
                    phase = remaining == 0 ? EndPacket() : Phase.Body;
                    break;
                case Phase.Body:
                    if (firstPacket)
                        LearnProtocolLevel(b);
                    if (--remaining == 0)
                        phase = EndPacket();
                    break;
            }
        }
        return null;
    }

    private Phase EndPacket()
    {
        firstPacket = false;
        return Phase.Type;
    }

    // CONNECT's variable header: protocol name (2-byte length + "MQTT"), then the level byte.
    private void LearnProtocolLevel(byte b)
    {
        var offset = connectBodyOffset++;
        if (offset == 1)
            protocolNameLength = b;
        else if (protocolNameLength >= 0 && offset == 2 + protocolNameLength)
            ProtocolLevel = b;
    }
}
