using System.Text;
using CityTwin.Ingestion.Transport;

namespace CityTwin.Ingestion.Tests.Transport;

public sealed class PacketGuardTests
{
    private const int Limit = 4096;

    // MQTT 5 CONNECT: protocol name "MQTT", level 5, clean start, keep-alive 60, no properties, client id "d".
    private static readonly byte[] Connect5 = [0x10, 0x0E, 0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 0x05, 0x02, 0x00, 0x3C, 0x00, 0x00, 0x01, (byte)'d'];

    [Theory]
    [InlineData(0x10)] // CONNECT
    [InlineData(0x30)] // PUBLISH QoS 0
    [InlineData(0x3B)] // PUBLISH DUP, QoS 1, retain
    [InlineData(0x34)] // PUBLISH QoS 2
    [InlineData(0x40)] // PUBACK
    [InlineData(0x62)] // PUBREL
    [InlineData(0x82)] // SUBSCRIBE
    [InlineData(0xA2)] // UNSUBSCRIBE
    [InlineData(0xC0)] // PINGREQ
    [InlineData(0xE0)] // DISCONNECT
    [InlineData(0xF0)] // AUTH
    public void Well_formed_fixed_header_flags_pass(byte typeAndFlags)
    {
        Assert.Null(PacketGuard.CheckFlags(typeAndFlags >> 4, typeAndFlags & 0x0F));
    }

    [Theory]
    [InlineData(0x11, "CONNECT with reserved fixed-header flags 0001; they must be 0000")]
    [InlineData(0x36, "PUBLISH with both QoS bits set (QoS 3)")]
    [InlineData(0x41, "PUBACK with reserved fixed-header flags 0001; they must be 0000")]
    [InlineData(0x60, "PUBREL with fixed-header flags 0000; they must be 0010")]
    [InlineData(0x80, "SUBSCRIBE with fixed-header flags 0000; they must be 0010")]
    [InlineData(0x8A, "SUBSCRIBE with fixed-header flags 1010; they must be 0010")]
    [InlineData(0xA0, "UNSUBSCRIBE with fixed-header flags 0000; they must be 0010")]
    [InlineData(0xC8, "PINGREQ with reserved fixed-header flags 1000; they must be 0000")]
    [InlineData(0xE1, "DISCONNECT with reserved fixed-header flags 0001; they must be 0000")]
    [InlineData(0x00, "packet type 0 is reserved")]
    public void Wrong_fixed_header_flags_are_a_malformed_packet_seen_at_the_first_byte(byte typeAndFlags, string detail)
    {
        var guard = ConnectedGuard();

        var refusal = guard.Observe([typeAndFlags]);

        Assert.Equal(PacketRefusal.MalformedPacket(detail), refusal);
        Assert.Equal(0x81, refusal!.DisconnectReasonCode);
    }

    [Fact]
    public void Connect_with_reserved_flags_is_refused_before_anything_else_is_read()
    {
        var guard = new PacketGuard(Limit);

        var refusal = guard.Observe([(byte)(Connect5[0] | 0x01), .. Connect5[1..]]);

        Assert.Equal(PacketRefusal.Malformed, refusal?.Reason);
        Assert.True(guard.InFirstPacket);
    }

    [Fact]
    public void The_protocol_level_is_learned_from_connect()
    {
        var guard = new PacketGuard(Limit);

        Assert.Null(guard.Observe(Connect5));

        Assert.Equal(5, guard.ProtocolLevel);
        Assert.False(guard.InFirstPacket);
    }

    [Fact]
    public void A_packet_over_the_limit_is_refused_from_its_length_before_its_body()
    {
        var guard = ConnectedGuard();

        // PUBLISH claiming 268,435,455 bytes: refused at the length's second byte, no body sent.
        var refusal = guard.Observe([0x32, 0xFF, 0xFF]);

        Assert.Equal(PacketRefusal.TooLarge, refusal?.Reason);
        Assert.Equal(0x95, refusal!.DisconnectReasonCode);
    }

    [Fact]
    public void A_packet_at_the_limit_passes()
    {
        var guard = ConnectedGuard();

        Assert.Null(guard.Observe(Publish(0x30, "city/centrum/bin/b1/telemetry"u8.ToArray(), new byte[Limit - 31])));
    }

    [Fact]
    public void A_remaining_length_of_five_bytes_is_malformed()
    {
        var guard = new PacketGuard(int.MaxValue);

        var refusal = guard.Observe([0x10, 0x80, 0x80, 0x80, 0x80, 0x01]);

        Assert.Equal(PacketRefusal.MalformedPacket("remaining length of more than 4 bytes"), refusal);
    }

    [Fact]
    public void Packet_boundaries_are_followed_so_payload_bytes_are_never_read_as_headers()
    {
        var guard = ConnectedGuard();
        // Payload bytes that would be a malformed fixed header (SUBSCRIBE with flags 0000) if misread.
        byte[] stream = [.. Publish(0x32, "a/b"u8.ToArray(), [0x80, 0x00, 0x80, 0xC1]), 0xC0, 0x00, .. Publish(0x30, "c"u8.ToArray(), [0x80])];

        Assert.Null(guard.Observe(stream));

        Assert.Equal(PacketRefusal.Malformed, guard.Observe([0x80])?.Reason);
    }

    [Theory]
    [InlineData("city/centrum/bin/b1/telemetry")]
    [InlineData("città/straße/€/𝄞")]
    [InlineData("")]
    public void A_well_formed_topic_passes_even_one_byte_at_a_time(string topic)
    {
        var guard = ConnectedGuard();
        var packet = Publish(0x32, Encoding.UTF8.GetBytes(topic), "{}"u8.ToArray());

        foreach (var b in packet)
            Assert.Null(guard.Observe([b]));
    }

    [Theory]
    [InlineData(new byte[] { (byte)'a', 0x80, (byte)'b' }, "byte 0x80 cannot start a character at byte 1")]
    [InlineData(new byte[] { 0xC0, 0xAF }, "byte 0xC0 cannot start a character at byte 0")]
    [InlineData(new byte[] { 0xE0, 0x80, 0xAF }, "byte 0x80 where a continuation byte A0..BF was expected at byte 1")]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, "byte 0xA0 where a continuation byte 80..9F was expected at byte 1")]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 }, "byte 0x90 where a continuation byte 80..8F was expected at byte 1")]
    [InlineData(new byte[] { 0xF5, 0x80, 0x80, 0x80 }, "byte 0xF5 cannot start a character at byte 0")]
    [InlineData(new byte[] { (byte)'a', 0x00 }, "U+0000, which MQTT strings must not contain at byte 1")]
    [InlineData(new byte[] { 0xC3, (byte)'a' }, "byte 0x61 where a continuation byte 80..BF was expected at byte 1")]
    public void A_topic_that_is_not_utf8_is_a_malformed_packet(byte[] topic, string where)
    {
        var guard = ConnectedGuard();

        var refusal = guard.Observe(Publish(0x32, topic, "{}"u8.ToArray()));

        Assert.Equal(PacketRefusal.MalformedPacket($"PUBLISH topic name is not valid UTF-8: {where}"), refusal);
    }

    [Fact]
    public void A_topic_that_ends_inside_a_character_is_malformed_although_the_payload_would_complete_it()
    {
        var guard = ConnectedGuard();

        var refusal = guard.Observe(Publish(0x32, [(byte)'a', 0xE2, 0x82], [0xAC]));

        Assert.Equal(PacketRefusal.MalformedPacket("PUBLISH topic name is not valid UTF-8: it ends inside a character"), refusal);
    }

    [Fact]
    public void A_bad_topic_is_refused_before_the_rest_of_the_packet_arrives()
    {
        var guard = ConnectedGuard();
        var packet = Publish(0x32, [(byte)'a', 0xFF, (byte)'b'], new byte[1000]);

        var throughBadByte = Array.IndexOf(packet, (byte)0xFF) + 1;

        Assert.Equal(PacketRefusal.Malformed, guard.Observe(packet.AsSpan(0, throughBadByte))?.Reason);
    }

    [Theory]
    [InlineData(new byte[] { 0x30, 0x00 })]
    [InlineData(new byte[] { 0x30, 0x01, 0x00 })]
    [InlineData(new byte[] { 0x30, 0x04, 0x00, 0x05, (byte)'a', (byte)'b' })]
    public void A_publish_too_short_for_its_topic_is_malformed(byte[] packet)
    {
        var guard = ConnectedGuard();

        Assert.Equal(PacketRefusal.Malformed, guard.Observe(packet)?.Reason);
    }

    [Fact]
    public void Watching_well_formed_packets_allocates_nothing()
    {
        var guard = ConnectedGuard();
        var packet = Publish(0x32, "city/centrum/bin/b1/telemetry"u8.ToArray(), new byte[Limit - 100]);
        Assert.Null(guard.Observe(packet));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
            guard.Observe(packet);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static PacketGuard ConnectedGuard()
    {
        var guard = new PacketGuard(Limit);
        Assert.Null(guard.Observe(Connect5));
        return guard;
    }

    /// <summary>A PUBLISH with the topic bytes as given; a packet id when the flags ask for QoS 1 or 2.</summary>
    private static byte[] Publish(byte typeAndFlags, byte[] topic, byte[] payload)
    {
        byte[] packetId = (typeAndFlags & 0x06) != 0 ? [0x00, 0x01] : [];
        byte[] body = [(byte)(topic.Length >> 8), (byte)topic.Length, .. topic, .. packetId, .. payload];
        var header = new List<byte> { typeAndFlags };
        var length = body.Length;
        do
        {
            var digit = (byte)(length % 128);
            length /= 128;
            header.Add(length > 0 ? (byte)(digit | 0x80) : digit);
        }
        while (length > 0);
        return [.. header, .. body];
    }
}
