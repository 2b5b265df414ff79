using System.Text;
using CityTwin.Ingestion.Transport;

namespace CityTwin.Ingestion.Tests.Transport;

public sealed class Utf8ValidatorTests
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [Fact]
    public void Agrees_with_the_strict_decoder_on_random_byte_strings()
    {
        var random = new Random(20261207);
        var disagreements = new List<string>();
        for (var i = 0; i < 50_000; i++)
        {
            var bytes = RandomBytes(random);
            var ours = Validate(bytes);
            var theirs = DecoderAccepts(bytes);
            if (ours != theirs)
                disagreements.Add($"{Convert.ToHexString(bytes)}: ours {ours}, decoder {theirs}");
        }

        Assert.Empty(disagreements);
    }

    [Theory]
    [InlineData("plain/ascii")]
    [InlineData("ü€𝄞")]
    [InlineData("\uD7FF\uE000\uFFFF")]
    [InlineData("\U0010FFFF")]
    public void Accepts_every_well_formed_character(string text)
    {
        Assert.True(Validate(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Refuses_u0000_which_mqtt_forbids_although_utf8_allows_it()
    {
        Assert.False(Validate("a\0b"u8.ToArray()));
    }

    private static bool Validate(byte[] bytes)
    {
        var validator = new Utf8Validator();
        foreach (var b in bytes)
        {
            if (validator.Next(b) is not null)
                return false;
        }
        return validator.Complete;
    }

    private static bool DecoderAccepts(byte[] bytes)
    {
        try
        {
            return !Strict.GetString(bytes).Contains('\0');
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    // Mostly lead and continuation bytes, so that near-valid sequences are common.
    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(1, 7)];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = random.Next(4) switch
            {
                0 => (byte)random.Next(0x00, 0x80),
                1 => (byte)random.Next(0x80, 0xC0),
                2 => (byte)random.Next(0xC0, 0xF8),
                _ => (byte)random.Next(0xE0, 0x100),
            };
        }
        return bytes;
    }
}
