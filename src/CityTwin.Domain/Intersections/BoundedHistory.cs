namespace CityTwin.Domain.Intersections;

/// <summary>Appends to fixed-size, oldest-first sample arrays, dropping the oldest when full.</summary>
internal static class BoundedHistory
{
    public static void Push(long[] at, ushort[] values, ref int count, long time, ushort value)
    {
        if (count == at.Length)
        {
            // Shifting a handful of elements keeps the arrays in time order, which makes the JSON readable.
            Array.Copy(at, 1, at, 0, at.Length - 1);
            Array.Copy(values, 1, values, 0, values.Length - 1);
            count--;
        }

        at[count] = time;
        values[count] = value;
        count++;
    }

    public static ushort Quantise(double value) => (ushort)Math.Clamp(Math.Round(value), 0, ushort.MaxValue);
}
