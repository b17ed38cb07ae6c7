namespace Moderation.Evaluation.Results;

/// <summary>Names of the score kinds the one-class evaluation reports (<see cref="ScoreKindResult.Kind"/>).</summary>
public static class ScoreKinds
{
    /// <summary><c>anomaly</c>: normal test images vs the other classes' test images; the kind compared with the
    /// published one-class results.</summary>
    public const string Anomaly = "anomaly";

    /// <summary><c>synthetic</c>: normal test images vs generator samples.</summary>
    public const string Synthetic = "synthetic";
}
