using System;
using CustomerValuation.Lifetime;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CustomerValuation.Tests.Lifetime;

/// <summary>FsCheck properties of the lifetime predictions (STYLE 17): bounds and monotonicity.</summary>
public class LifetimePropertyTests
{
    /// <summary>A positive parameter over six orders of magnitude (log-uniform between e^−5 and e^5).</summary>
    private static readonly Gen<double> s_parameter = Gen.Choose(-5000, 5000).Select(i => Math.Exp(i / 1000.0));

    /// <summary>A valid history: x ≥ 0, 0 &lt; t_x ≤ T when x &gt; 0, t_x = 0 when x = 0; times up to 400 units.</summary>
    private static readonly Gen<(int X, double Tx, double T)> s_history =
        from x in Gen.Frequency((2, Gen.Constant(0)), (5, Gen.Choose(1, 10)), (1, Gen.Choose(11, 200)))
        from t in Gen.Choose(1, 40_000).Select(i => i / 100.0)
        from share in Gen.Choose(1, 1000).Select(i => i / 1000.0)
        select (x, x == 0 ? 0.0 : t * share, t);

    private static readonly Gen<IRepeatPurchaseModel> s_model =
        from kind in Gen.Elements(0, 1)
        from r in s_parameter
        from alpha in s_parameter
        from third in s_parameter
        from fourth in s_parameter
        select kind == 0
            ? (IRepeatPurchaseModel)new BgNbdModel(r, alpha, third, fourth, LifetimeTimeUnit.Weeks)
            : new ParetoNbdModel(r, alpha, third, fourth, LifetimeTimeUnit.Weeks);

    [Fact]
    public void ProbabilityAlive_InUnitIntervalAndNonIncreasingInObservedTime()
    {
        var gen = from model in s_model
                  from history in s_history
                  from extra in Gen.Choose(1, 10_000).Select(i => i / 100.0)
                  select (model, history, extra);
        PropertyCheck.ForAll(gen, c =>
        {
            (int x, double tx, double t) = c.history;
            double now = c.model.ProbabilityAlive(x, tx, t);
            double later = c.model.ProbabilityAlive(x, tx, t + c.extra);
            return now >= 0 && now <= 1 && later >= 0 && later <= 1 && later <= now * (1 + 1e-12);
        });
    }

    [Fact]
    public void ExpectedPurchases_NonNegativeAndNonDecreasingInHorizon()
    {
        var gen = from model in s_model
                  from history in s_history
                  from horizon in Gen.Choose(0, 50_000).Select(i => i / 100.0)
                  from extra in Gen.Choose(1, 10_000).Select(i => i / 100.0)
                  select (model, history, horizon, extra);
        PropertyCheck.ForAll(gen, c =>
        {
            (int x, double tx, double t) = c.history;
            double shorter = c.model.ExpectedPurchases(x, tx, t, c.horizon);
            double longer = c.model.ExpectedPurchases(x, tx, t, c.horizon + c.extra);
            double fresh = c.model.ExpectedPurchasesOfNewCustomer(c.horizon);
            return shorter >= 0 && fresh >= 0 && !double.IsInfinity(longer) && longer >= shorter * (1 - 1e-10);
        });
    }

    [Fact]
    public void LifetimeValue_NonIncreasingInDiscountRate()
    {
        var gen = from model in s_model
                  from history in s_history
                  from horizon in Gen.Choose(1, 200)
                  from rate in Gen.Choose(0, 500).Select(i => i / 1000.0)
                  from extra in Gen.Choose(1, 500).Select(i => i / 1000.0)
                  select (model, history, horizon, rate, extra);
        PropertyCheck.ForAll(gen, c =>
        {
            (int x, double tx, double t) = c.history;
            double low = LifetimeValue.Compute(c.model, x, tx, t, 25, new LifetimeValueOptions(c.horizon, c.rate));
            double high = LifetimeValue.Compute(c.model, x, tx, t, 25, new LifetimeValueOptions(c.horizon, c.rate + c.extra));
            return high >= 0 && high <= low;
        });
    }
}
