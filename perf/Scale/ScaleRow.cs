namespace Elim.Scale.Perf;

/// <summary>
/// One measured (or skipped) step: a family's program of <see cref="Vertices"/> vertices (asked for about
/// <see cref="Target"/>), the step, its value in <see cref="Unit"/> (null when skipped: <see cref="Note"/> says why).
/// </summary>
public sealed record ScaleRow(string Family, int Target, int Vertices, string Step, double? Value, string Unit, string Note = "");
