namespace Moderation.Evaluation.Plots;

/// <summary>How a legend row shows its series.</summary>
internal enum LegendSwatch
{
    Line,
    Dashed,
    Box,
}
