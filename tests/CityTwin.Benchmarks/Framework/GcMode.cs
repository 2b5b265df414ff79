using System.Runtime;

namespace CityTwin.Benchmarks.Framework;

/// <summary>Which garbage collector measured a figure; its notes say so (the host ships with server GC).</summary>
public static class GcMode
{
    public static string Describe() => GCSettings.IsServerGC ? "server GC" : "workstation GC";
}
