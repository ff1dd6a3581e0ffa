namespace CustomerValuation.Churn;

/// <summary>The level at which a reason report groups the reasons of a <see cref="ReasonTaxonomy"/>.</summary>
public enum ReasonLevel
{
    /// <summary>By family, the first segment of the code (<c>price.seeming.dealer-markup</c> counts as <c>price</c>); a customer with several reasons of one family counts once for it.</summary>
    Family = 0,

    /// <summary>By the exact code as tagged.</summary>
    Code = 1,
}
