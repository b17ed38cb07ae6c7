namespace Moderation.Evaluation.Plots;

/// <summary>Series colours: the ten "Tableau 10" colours, distinguishable for most colour-vision deficiencies.</summary>
internal static class Palette
{
    private static readonly string[] Colors =
        ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

    public const string Axis = "#333333";
    public const string Grid = "#e6e6e6";
    public const string Marker = "#d62728";

    public static string Color(int index) => Colors[index % Colors.Length];
}
