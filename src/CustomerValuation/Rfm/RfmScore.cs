using System.Globalization;
using System.Runtime.InteropServices;

namespace CustomerValuation.Rfm;

/// <summary>One customer's three RFM scores, each 1 … n with n the best.</summary>
/// <param name="Recency">R: n for the most recent customers.</param>
/// <param name="Frequency">F: n for the most frequent customers.</param>
/// <param name="Monetary">M: n for the highest spenders.</param>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public readonly record struct RfmScore(byte Recency, byte Frequency, byte Monetary)
{
    /// <summary>
    /// The cell code: the three scores as digits, R first (<c>"555"</c> … <c>"111"</c>, 125 cells with
    /// quintiles). With ten scores a score of 10 cannot be one digit, so such codes are written with
    /// hyphens (<c>"10-3-7"</c>).
    /// </summary>
    public string CellCode => Recency <= 9 && Frequency <= 9 && Monetary <= 9
        ? new string([(char)('0' + Recency), (char)('0' + Frequency), (char)('0' + Monetary)])
        : string.Format(CultureInfo.InvariantCulture, "{0}-{1}-{2}", Recency, Frequency, Monetary);

    /// <summary>The plain sum R + F + M.</summary>
    public int Sum => Recency + Frequency + Monetary;

    /// <summary>The score of one dimension.</summary>
    /// <param name="dimension">The dimension.</param>
    /// <returns>R, F or M.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="dimension"/> is not a defined value.</exception>
    public byte Of(RfmDimension dimension) => dimension switch
    {
        RfmDimension.Recency => Recency,
        RfmDimension.Frequency => Frequency,
        RfmDimension.Monetary => Monetary,
        _ => throw new System.ArgumentOutOfRangeException(nameof(dimension), dimension, "Use Recency, Frequency or Monetary."),
    };

    /// <summary>The cell code (see <see cref="CellCode"/>).</summary>
    /// <returns>The cell code.</returns>
    public override string ToString() => CellCode;
}
