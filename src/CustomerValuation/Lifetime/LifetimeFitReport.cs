using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CustomerValuation.Internal;

namespace CustomerValuation.Lifetime;

/// <summary>One fitted parameter with its standard error.</summary>
public readonly record struct LifetimeParameterEstimate
{
    /// <summary>Creates an estimate.</summary>
    /// <param name="name">The parameter's name as in the papers (r, alpha, a, b, s, beta, p, q, gamma).</param>
    /// <param name="value">The estimate.</param>
    /// <param name="standardError">The standard error, or null when unknown.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public LifetimeParameterEstimate(string name, double value, double? standardError)
    {
        Name = Guard.NotNull(name, nameof(name));
        Value = value;
        StandardError = standardError;
    }

    /// <summary>The parameter's name as in the papers (r, alpha, a, b, s, beta, p, q, gamma).</summary>
    public string Name { get; }

    /// <summary>The maximum-likelihood estimate.</summary>
    public double Value { get; }

    /// <summary>
    /// The standard error from the inverse of the observed information (the negative Hessian of the
    /// log-likelihood, by central differences of the analytic gradient); null when that matrix is not
    /// positive definite.
    /// </summary>
    public double? StandardError { get; }
}

/// <summary>
/// How a maximum-likelihood fit went: whether it converged, the iterations, the log-likelihood and the
/// estimates with standard errors. A fit that struggles is reported here, not thrown.
/// </summary>
public sealed class LifetimeFitReport
{
    internal LifetimeFitReport(
        string model,
        bool converged,
        int iterations,
        int startsTried,
        int startsConverged,
        double logLikelihood,
        IReadOnlyList<LifetimeParameterEstimate> parameters,
        int customers,
        int distinctRows,
        double gradientNorm,
        string message)
    {
        Model = model;
        Converged = converged;
        Iterations = iterations;
        StartsTried = startsTried;
        StartsConverged = startsConverged;
        LogLikelihood = logLikelihood;
        Parameters = parameters;
        Customers = customers;
        DistinctRows = distinctRows;
        GradientNorm = gradientNorm;
        Message = message;
    }

    /// <summary>The model's name ("BG/NBD", "Pareto/NBD", "Gamma-Gamma").</summary>
    public string Model { get; }

    /// <summary>True when the best start ended with the largest gradient component below <see cref="LifetimeFitOptions.GradientTolerance"/>, every parameter inside e^±29 (one running to 0 or infinity means the likelihood has no interior maximum), and a positive definite observed information.</summary>
    public bool Converged { get; }

    /// <summary>The optimizer iterations of the best start.</summary>
    public int Iterations { get; }

    /// <summary>The starting points tried.</summary>
    public int StartsTried { get; }

    /// <summary>Of these, the starts that converged.</summary>
    public int StartsConverged { get; }

    /// <summary>The log-likelihood at the estimates, summed over the customers (natural logarithm).</summary>
    public double LogLikelihood { get; }

    /// <summary>The estimates in the papers' order.</summary>
    public IReadOnlyList<LifetimeParameterEstimate> Parameters { get; }

    /// <summary>The customers the fit used.</summary>
    public int Customers { get; }

    /// <summary>The distinct rows after customers with identical data were merged into weighted rows.</summary>
    public int DistinctRows { get; }

    /// <summary>The largest absolute gradient component at the estimates (mean log-likelihood per customer, log-parameters).</summary>
    public double GradientNorm { get; }

    /// <summary>What happened, in words: problems of any start, a Hessian that is not positive definite; empty when nothing needs saying.</summary>
    public string Message { get; }

    /// <summary>The report as a few lines of text (invariant culture), for a console or a log.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendFormat(
            CultureInfo.InvariantCulture,
            "{0}: {1} after {2} iterations ({3} of {4} starts converged); log-likelihood {5:F2}; {6} customers in {7} distinct rows; gradient {8:G3}",
            Model,
            Converged ? "converged" : "NOT converged",
            Iterations,
            StartsConverged,
            StartsTried,
            LogLikelihood,
            Customers,
            DistinctRows,
            GradientNorm);
        text.AppendLine();
        foreach (LifetimeParameterEstimate p in Parameters)
        {
            text.AppendFormat(CultureInfo.InvariantCulture, "  {0,-6} {1,12:G6}", p.Name, p.Value);
            if (p.StandardError is double se)
            {
                text.AppendFormat(CultureInfo.InvariantCulture, "  (s.e. {0:G4})", se);
            }

            text.AppendLine();
        }

        if (Message.Length > 0)
        {
            text.Append("  ").AppendLine(Message);
        }

        return text.ToString();
    }
}

/// <summary>A fitted model with the report of its fit.</summary>
/// <typeparam name="TModel">The model type.</typeparam>
public sealed class LifetimeFit<TModel>
    where TModel : class
{
    internal LifetimeFit(TModel model, LifetimeFitReport report)
    {
        Model = model;
        Report = report;
    }

    /// <summary>The model with the estimates (usable even when the fit did not converge: check <see cref="Report"/>).</summary>
    public TModel Model { get; }

    /// <summary>How the fit went.</summary>
    public LifetimeFitReport Report { get; }
}
