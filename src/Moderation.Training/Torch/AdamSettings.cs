namespace Moderation.Training.Torch;

/// <summary>Range checks of Adam's hyperparameters (Kingma &amp; Ba 2015), shared by the optimisers.</summary>
internal static class AdamSettings
{
    /// <exception cref="ArgumentOutOfRangeException">The learning rate is not &gt; 0, or a β is outside [0,1).</exception>
    public static void Validate(double learningRate, double beta1, double beta2)
    {
        if (!(learningRate > 0)) throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "must be > 0");
        if (beta1 is < 0 or >= 1 || double.IsNaN(beta1)) throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "must be in [0,1)");
        if (beta2 is < 0 or >= 1 || double.IsNaN(beta2)) throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "must be in [0,1)");
    }
}
