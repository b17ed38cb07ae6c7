using Moderation.Evaluation.Plots;

namespace Moderation.Evaluation.Tests.Plots;

public class AxisTicksTests
{
    [Fact]
    public void Unit_interval_gets_ticks_every_0_2()
    {
        Assert.Equal(0.2, AxisTicks.Step(0, 1), 12);
        Assert.Equal([0, 0.2, 0.4, 0.6, 0.8, 1.0], AxisTicks.Positions(0, 1).Select(t => Math.Round(t, 12)));
        Assert.Equal(["0.0", "0.2", "1.0"], new[] { 0, 0.2, 1 }.Select(t => AxisTicks.Label(t, 0.2)));
    }

    [Theory]
    [InlineData(0, 37, 10)]        // nice(37) = 50, 50 / 5 = 10
    [InlineData(-3.2, 4.1, 2)]     // nice(7.3) = 10, 10 / 5 = 2
    [InlineData(1200, 1750, 200)]  // nice(550) = 1000, 1000 / 5 = 200
    public void Steps_are_one_two_or_five_times_a_power_of_ten(double min, double max, double expected)
    {
        double step = AxisTicks.Step(min, max);
        Assert.Equal(expected, step, 9);
        var ticks = AxisTicks.Positions(min, max);
        Assert.All(ticks, t => Assert.InRange(t, min, max));
        Assert.All(ticks, t => Assert.Equal(0, Math.Abs(Math.IEEERemainder(t, step)), 9));
    }

    [Fact]
    public void Labels_use_the_decimals_the_step_needs_and_no_culture()
    {
        Assert.Equal("1500", AxisTicks.Label(1500, 500));
        Assert.Equal("-2", AxisTicks.Label(-2, 2));
        Assert.Equal("0.05", AxisTicks.Label(0.05, 0.05));
        Assert.Equal("0", AxisTicks.Label(-1e-17, 1)); // no "-0"
        Assert.Equal("3E+6", AxisTicks.Label(3e6, 1e6));
    }

    [Fact]
    public void Nice_ceiling_covers_the_maximum()
    {
        Assert.Equal(0.3, AxisTicks.NiceCeiling(0.27), 12);
        Assert.Equal(40, AxisTicks.NiceCeiling(37), 12);
    }

    [Fact]
    public void Empty_ranges_are_refused()
    {
        Assert.Throws<ArgumentException>(() => AxisTicks.Step(1, 1));
        Assert.Throws<ArgumentException>(() => AxisTicks.Step(0, double.NaN));
    }
}
