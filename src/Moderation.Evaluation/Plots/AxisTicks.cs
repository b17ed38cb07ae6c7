using System.Globalization;

namespace Moderation.Evaluation.Plots;

/// <summary>
/// Tick positions and labels at "nice" steps 1, 2 or 5 × 10^k ("Nice numbers for graph labels", Heckbert, Graphics
/// Gems, 1990).
/// </summary>
public static class AxisTicks
{
    /// <summary>The nice step for about <paramref name="maxTicks"/> ticks over [min, max].</summary>
    /// <exception cref="ArgumentException">The range is empty or not finite, or fewer than 2 ticks are asked for.</exception>
    public static double Step(double min, double max, int maxTicks = 6)
    {
        if (!(double.IsFinite(min) && double.IsFinite(max) && max > min)) throw new ArgumentException($"bad axis range [{min}, {max}]");
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTicks, 2);
        return NiceNumber(NiceNumber(max - min, round: false) / (maxTicks - 1), round: true);
    }

    /// <summary>The multiples of <see cref="Step"/> inside [min, max] (ends included within 1e-9 of a step).</summary>
    public static IReadOnlyList<double> Positions(double min, double max, int maxTicks = 6)
    {
        double step = Step(min, max, maxTicks);
        var ticks = new List<double>();
        for (long k = (long)Math.Ceiling(min / step - 1e-9); k * step <= max + step * 1e-9; k++) ticks.Add(k * step);
        return ticks;
    }

    /// <summary>The smallest multiple of the nice step for [0, <paramref name="max"/>] that is ≥ max: a y-axis top.</summary>
    public static double NiceCeiling(double max, int maxTicks = 6)
    {
        double step = Step(0, max, maxTicks);
        return Math.Ceiling(max / step - 1e-9) * step;
    }

    /// <summary>A tick label with as many decimals as <paramref name="step"/> needs (invariant culture); exponent
    /// notation for steps ≥ 10⁶ or &lt; 10⁻⁴.</summary>
    public static string Label(double value, double step)
    {
        if (Math.Abs(value) < step * 1e-9) value = 0;
        if (step >= 1e6 || step < 1e-4) return value.ToString("0.###E+0", CultureInfo.InvariantCulture);
        int decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step) + 1e-9));
        return value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static double NiceNumber(double x, bool round)
    {
        double exponent = Math.Floor(Math.Log10(x));
        double fraction = x / Math.Pow(10, exponent);
        double nice = round
            ? fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
            : fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * Math.Pow(10, exponent);
    }
}
