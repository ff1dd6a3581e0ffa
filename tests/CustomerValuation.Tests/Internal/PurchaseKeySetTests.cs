using System.Linq;
using CustomerValuation.Internal;
using Xunit;

namespace CustomerValuation.Tests.Internal;

/// <summary>
/// The purchase-key log behind the RFM frequency: repeats are counted when they come and taken
/// back by Settle, and settling when asked keeps the log within the distinct keys (memory grows
/// with distinct orders, not with lines). Expected values by hand.
/// </summary>
public class PurchaseKeySetTests
{
    [Fact]
    public void Settle_OrdersRepeatedOutOfSequence_ReturnsOneEntryPerRepeat()
    {
        // Hand: customer 0 gets o1 o2 o1 o3 o2 (two repeats); customer 1 gets o1 (no repeat).
        var set = new PurchaseKeySet(byOrder: true);
        var keys = new PurchaseKeys[2];
        foreach ((int customer, string order) in new[] { (0, "o1"), (0, "o2"), (0, "o1"), (1, "o1"), (0, "o3"), (0, "o2") })
        {
            set.Add(customer, ref keys[customer], order, PurchaseKeySet.HashOf(order));
        }

        Assert.Equal(6, set.LogLength);
        Assert.Equal(new[] { 0, 0 }, set.Settle().ToArray());
        Assert.Equal(4, set.LogLength);
        Assert.Empty(set.Settle()); // settled: nothing more to take back
    }

    [Fact]
    public void Settle_DaysRepeated_ReturnsOneEntryPerRepeat()
    {
        // Hand: days 10, 11, 10, 10 for customer 5: two repeats of day 10.
        var set = new PurchaseKeySet(byOrder: false);
        var keys = new PurchaseKeys[6];
        foreach (int day in new[] { 10, 11, 10, 10 })
        {
            set.Add(5, ref keys[5], day);
        }

        Assert.Equal(new[] { 5, 5 }, set.Settle().ToArray());
        Assert.Equal(2, set.LogLength);
    }

    [Fact]
    public void ShouldSettle_TwoOrdersAlternatingForMillionLines_LogStaysSmall()
    {
        // One customer alternating between two orders: every key after the second is a repeat.
        // Settling whenever ShouldSettle says so must keep the log near the 65,536 threshold
        // instead of letting it grow to a million entries, and the repeats returned must add up.
        var set = new PurchaseKeySet(byOrder: true);
        var keys = new PurchaseKeys[1];
        string[] orders = ["a", "b"];
        int repeats = 0;
        int longest = 0;
        for (int i = 0; i < 1_000_000; i++)
        {
            set.Add(0, ref keys[0], orders[i % 2], PurchaseKeySet.HashOf(orders[i % 2]));
            longest = System.Math.Max(longest, set.LogLength);
            if (set.ShouldSettle)
            {
                repeats += set.Settle().Count;
            }
        }

        repeats += set.Settle().Count;
        Assert.Equal(1_000_000 - 2, repeats);
        Assert.Equal(2, set.LogLength);
        Assert.InRange(longest, 2, 131_074);
    }

    [Fact]
    public void Settle_SameHashDifferentText_BothKept()
    {
        // Two different order texts given the same hash (as a hash collision would): the texts
        // decide, so neither is a repeat.
        var set = new PurchaseKeySet(byOrder: true);
        var keys = new PurchaseKeys[1];
        set.Add(0, ref keys[0], "x1", 7);
        set.Add(0, ref keys[0], "x2", 7);
        set.Add(0, ref keys[0], "x1", 7);
        Assert.Equal(new[] { 0 }, set.Settle().ToArray());
        Assert.Equal(2, set.LogLength);
    }
}
