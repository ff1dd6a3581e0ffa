namespace CustomerValuation.Contribution;

/// <summary>
/// How the inventory given to a contribution analysis is valued; it decides what the product
/// gross margin rate × turnover is called (the arithmetic is the same on both bases).
/// </summary>
/// <remarks>
/// gross margin rate × (sales ÷ average inventory) = gross margin ÷ average inventory. With inventory
/// at selling price this is the cross ratio (交差比率) of retail practice; with inventory at cost it
/// is GMROI, gross margin return on inventory investment (docs/contribution.md).
/// </remarks>
public enum InventoryBasis
{
    /// <summary>Inventory valued at selling price: the product is the cross ratio.</summary>
    SellingPrice = 0,

    /// <summary>Inventory valued at cost: the product is GMROI (gross margin ÷ average inventory at cost).</summary>
    Cost = 1,
}
