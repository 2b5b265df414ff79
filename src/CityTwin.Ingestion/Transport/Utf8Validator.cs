namespace CityTwin.Ingestion.Transport;

/// <summary>
/// Checks UTF-8 one byte at a time, so a string can be validated as it arrives without being buffered:
/// the well-formed sequences of the Unicode standard (table 3-7: no overlong forms, no surrogates, nothing
/// above U+10FFFF), and no U+0000, which MQTT forbids in its strings.
/// </summary>
public struct Utf8Validator
{
    private int pending;
    private byte lowest;
    private byte highest;

    /// <summary>Whether the bytes so far end on a character boundary.</summary>
    public readonly bool Complete => pending == 0;

    /// <returns>Null while the bytes are well-formed, else what is wrong with this one.</returns>
    public string? Next(byte b)
    {
        if (pending > 0)
        {
            if (b < lowest || b > highest)
                return $"byte 0x{b:X2} where a continuation byte {lowest:X2}..{highest:X2} was expected";
            pending--;
            (lowest, highest) = (0x80, 0xBF);
            return null;
        }
        switch (b)
        {
            case 0x00:
                return "U+0000, which MQTT strings must not contain";
            case < 0x80:
                return null;
            case < 0xC2:
                return $"byte 0x{b:X2} cannot start a character";
            case < 0xE0:
                Expect(1, 0x80, 0xBF);
                return null;
            case 0xE0:
                Expect(2, 0xA0, 0xBF); // below is overlong
                return null;
            case 0xED:
                Expect(2, 0x80, 0x9F); // above is a surrogate
                return null;
            case < 0xF0:
                Expect(2, 0x80, 0xBF);
                return null;
            case 0xF0:
                Expect(3, 0x90, 0xBF); // below is overlong
                return null;
            case < 0xF4:
                Expect(3, 0x80, 0xBF);
                return null;
            case 0xF4:
                Expect(3, 0x80, 0x8F); // above is beyond U+10FFFF
                return null;
            default:
                return $"byte 0x{b:X2} cannot start a character";
        }
    }

    private void Expect(int continuations, byte first, byte last)
    {
        pending = continuations;
        lowest = first;
        highest = last;
    }
}
