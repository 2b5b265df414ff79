using CityTwin.Contracts.Inventory;
using CityTwin.Domain.Inventory;

namespace CityTwin.Grains.Inventory;

/// <summary>Counts an import's outcomes row by row; starts from what the parser already rejected.</summary>
internal sealed class ImportReportBuilder(InventoryDocument document)
{
    private readonly List<RowProblem> problems = [.. document.Problems];
    private int rejected = document.RowsRejected;
    private int provisioned;
    private int unchanged;
    private int segmentsStored;
    private int segmentsUnchanged;

    public void AssetProvisioned() => provisioned++;

    public void AssetUnchanged() => unchanged++;

    public void SegmentsStored(int count) => segmentsStored += count;

    public void SegmentsUnchanged(int count) => segmentsUnchanged += count;

    /// <summary>One row is rejected, for these reasons.</summary>
    public void Reject(IEnumerable<RowProblem> rowProblems)
    {
        rejected++;
        problems.AddRange(rowProblems);
    }

    /// <summary>Problems in file order (rows were provisioned in parallel); a problem of the whole file first.</summary>
    public ImportReport Build() => new(
        document.RowsRead, provisioned, unchanged, rejected, segmentsStored, segmentsUnchanged,
        [.. problems.OrderBy(p => p.Row ?? -1).Select(p => new ImportProblem(p.Row, p.Id, p.Field, p.Message))]);
}
