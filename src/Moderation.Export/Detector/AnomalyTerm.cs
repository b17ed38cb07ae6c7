namespace Moderation.Export.Detector;

/// <summary>
/// One term of the in-graph anomaly score: a statistic of the feature vector f read at <see cref="Tap"/>, standardised
/// as (statistic − <see cref="Offset"/>) / <see cref="Scale"/> so that terms of different layers add up on one scale
/// (offset and scale: mean and standard deviation of the statistic on held-out normal images). The anomaly score is
/// the sum of the standardised terms; higher = more abnormal.
/// </summary>
/// <param name="Tap">Where f comes from.</param>
/// <param name="Mean">μ, float32 <c>[F]</c>, subtracted from f.</param>
/// <param name="Offset">Subtracted from the statistic.</param>
/// <param name="Scale">Divides the statistic after the offset; &gt; 0.</param>
public abstract record AnomalyTerm(FeatureTap Tap, float[] Mean, double Offset, double Scale)
{
    /// <summary>F, the feature count.</summary>
    public int Dimension => Mean.Length;

    /// <summary>Short kind name written into the model metadata, e.g. <c>gaussian</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>Checks shapes and finiteness against the tapped feature count <paramref name="featureCount"/>.</summary>
    /// <exception cref="ArgumentException">A shape does not match, a value is not finite, or <see cref="Scale"/> ≤ 0.</exception>
    public virtual void Validate(int featureCount)
    {
        if (Mean.Length != featureCount)
            throw new ArgumentException($"{Kind} term at {Tap}: mean has {Mean.Length} values, the tap gives {featureCount} features");
        if (!double.IsFinite(Offset) || !(Scale > 0) || !double.IsFinite(Scale))
            throw new ArgumentException($"{Kind} term at {Tap}: offset {Offset} and scale {Scale} must be finite, scale > 0");
        RequireFinite(Mean, "mean");
    }

    /// <summary>Throws unless every value is finite.</summary>
    protected void RequireFinite(float[] values, string what)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!values.All(float.IsFinite)) throw new ArgumentException($"{Kind} term at {Tap}: {what} holds NaN or infinity");
    }
}
