namespace CityTwin.Ingestion.Transport;

/// <summary>Why the guard closes a connection: the refusal's metric reason, the MQTT 5 DISCONNECT reason code, and what was wrong.</summary>
public sealed record PacketRefusal(string Reason, byte DisconnectReasonCode, string Detail)
{
    public const string TooLarge = "size";
    public const string Malformed = "malformed";

    public static PacketRefusal Oversized(string detail) => new(TooLarge, 0x95, detail);

    public static PacketRefusal MalformedPacket(string detail) => new(Malformed, 0x81, detail);
}

/// <summary>
/// Follows the MQTT packet boundaries in a byte stream, byte by byte, keeping only counters, so it checks
/// what MQTTnet's reader would accept too leniently or only after buffering a whole body:
/// <list type="bullet">
/// <item>the remaining length: a packet claiming more than the limit, or a length of more than 4 bytes,
/// is refused as soon as the length is known, before any of the body is read, so no buffer of the claimed
/// size is ever allocated;</item>
/// <item>the fixed header's flags: PUBREL, SUBSCRIBE and UNSUBSCRIBE carry 0010, PUBLISH any QoS but 3,
/// every other packet 0000 (the spec calls anything else a malformed packet);</item>
/// <item>a PUBLISH's topic name: well-formed UTF-8 without U+0000, checked as its bytes pass.</item>
/// </list>
/// It also learns the protocol level from CONNECT, so an MQTT 5 client can be told why it is disconnected.
/// </summary>
public sealed class PacketGuard(int maxRemainingLength)
{
    private const int Connect = 1;
    private const int Publish = 3;

    private enum Phase { Type, Length, Body }

    private Phase phase = Phase.Type;
    private int packetType;
    private int lengthMultiplier;
    private int lengthBytes;
    private long packetLength;
    private long bodyOffset;
    private bool firstPacket = true;
    private int protocolNameLength = -1;
    private int topicLength;
    private Utf8Validator topic;

    public int MaxRemainingLength { get; } = maxRemainingLength;

    /// <summary>4 for MQTT 3.1.1, 5 for MQTT 5, 3 for 3.1; 0 until CONNECT showed it.</summary>
    public int ProtocolLevel { get; private set; }

    /// <summary>Whether the packet now being read is the first one (CONNECT).</summary>
    public bool InFirstPacket => firstPacket;

    /// <returns>Null while the bytes are acceptable, else why the connection must be closed.</returns>
    public PacketRefusal? Observe(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            var refusal = phase switch
            {
                Phase.Type => StartPacket(b),
                Phase.Length => ReadLength(b),
                _ => ReadBody(b),
            };
            if (refusal is not null)
                return refusal;
        }
        return null;
    }

    private PacketRefusal? StartPacket(byte b)
    {
        packetType = b >> 4;
        phase = Phase.Length;
        lengthMultiplier = 1;
        lengthBytes = 0;
        packetLength = 0;
        bodyOffset = 0;
        return CheckFlags(packetType, b & 0x0F) is { } wrong ? PacketRefusal.MalformedPacket(wrong) : null;
    }

    /// <returns>Null when the fixed header's low four bits are what the packet type requires, else what is wrong.</returns>
    public static string? CheckFlags(int packetType, int flags) => packetType switch
    {
        0 => "packet type 0 is reserved",
        Publish => (flags & 0b0110) == 0b0110 ? "PUBLISH with both QoS bits set (QoS 3)" : null,
        6 or 8 or 10 => flags == 0b0010 ? null : $"{TypeName(packetType)} with fixed-header flags {flags:B4}; they must be 0010",
        _ => flags == 0 ? null : $"{TypeName(packetType)} with reserved fixed-header flags {flags:B4}; they must be 0000",
    };

    private PacketRefusal? ReadLength(byte b)
    {
        packetLength += (b & 0x7F) * (long)lengthMultiplier;
        lengthBytes++;
        if (packetLength > MaxRemainingLength)
            return PacketRefusal.Oversized($"packet of {packetLength}+ bytes exceeds the maximum of {MaxRemainingLength}");
        if ((b & 0x80) != 0)
        {
            if (lengthBytes == 4)
                return PacketRefusal.MalformedPacket("remaining length of more than 4 bytes");
            lengthMultiplier *= 128;
            return null;
        }
        if (packetLength > 0)
        {
            phase = Phase.Body;
            return null;
        }
        return EndPacket();
    }

    private PacketRefusal? ReadBody(byte b)
    {
        var offset = bodyOffset++;
        PacketRefusal? refusal = null;
        if (packetType == Connect && firstPacket)
            LearnProtocolLevel(offset, b);
        else if (packetType == Publish)
            refusal = ReadTopicName(offset, b);
        if (refusal is null && bodyOffset == packetLength)
            refusal = EndPacket();
        return refusal;
    }

    // A PUBLISH's variable header starts with its topic name: a 2-byte length, then that many UTF-8 bytes.
    private PacketRefusal? ReadTopicName(long offset, byte b)
    {
        if (offset == 0)
        {
            topicLength = b << 8;
            return null;
        }
        if (offset == 1)
        {
            topicLength |= b;
            topic = default;
            return 2 + topicLength > packetLength
                ? PacketRefusal.MalformedPacket($"PUBLISH topic name of {topicLength} bytes is longer than its packet of {packetLength}")
                : null;
        }
        var topicEnd = 2 + topicLength;
        if (offset >= topicEnd)
            return null;
        if (topic.Next(b) is { } wrong)
            return PacketRefusal.MalformedPacket($"PUBLISH topic name is not valid UTF-8: {wrong} at byte {offset - 2}");
        return offset == topicEnd - 1 && !topic.Complete
            ? PacketRefusal.MalformedPacket("PUBLISH topic name is not valid UTF-8: it ends inside a character")
            : null;
    }

    private PacketRefusal? EndPacket()
    {
        var tooShortForTopic = packetType == Publish && bodyOffset < 2;
        firstPacket = false;
        phase = Phase.Type;
        return tooShortForTopic ? PacketRefusal.MalformedPacket("PUBLISH too short for its topic name's length") : null;
    }

    // CONNECT's variable header: protocol name (2-byte length + "MQTT"), then the level byte.
    private void LearnProtocolLevel(long offset, byte b)
    {
        if (offset == 1)
            protocolNameLength = b;
        else if (protocolNameLength >= 0 && offset == 2 + protocolNameLength)
            ProtocolLevel = b;
    }

    private static string TypeName(int packetType) => packetType switch
    {
        1 => "CONNECT",
        2 => "CONNACK",
        4 => "PUBACK",
        5 => "PUBREC",
        6 => "PUBREL",
        7 => "PUBCOMP",
        8 => "SUBSCRIBE",
        9 => "SUBACK",
        10 => "UNSUBSCRIBE",
        11 => "UNSUBACK",
        12 => "PINGREQ",
        13 => "PINGRESP",
        14 => "DISCONNECT",
        15 => "AUTH",
        _ => $"packet type {packetType}",
    };
}
