namespace CityTwin.Domain.Inventory;

/// <summary>
/// What was wrong with one row of an inventory file. <see cref="Row"/> is the CSV row number (the
/// header is row 1, as a spreadsheet shows it) or the GeoJSON feature's index in "features" (from 0);
/// null when the file as a whole is unusable. <see cref="Id"/> is the row's asset or segment id, when
/// it has one.
/// </summary>
public sealed record RowProblem(int? Row, string? Id, string Field, string Message);
