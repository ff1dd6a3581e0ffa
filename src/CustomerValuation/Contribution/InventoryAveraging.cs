namespace CustomerValuation.Contribution;

/// <summary>How a row's average inventory is computed from its inventory observations of the period.</summary>
public enum InventoryAveraging
{
    /// <summary>The mean of all observations (for example the month-end inventories of a year, SPEC §5).</summary>
    MeanOfObservations = 0,

    /// <summary>
    /// (opening + closing) ÷ 2: the first and the last observation; the ones in between are ignored.
    /// With a single observation, that observation.
    /// </summary>
    OpeningClosing = 1,
}
