using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;

namespace CET4Trainer.Tests.Features.Practice;

public sealed class AdaptivePlannerTests
{
    [Fact]
    public void PointsPerMinute_GrowWithErrorRate_AndWithWhatTheQuestionIsWorth()
    {
        var weakCareful = AdaptivePlanner.PointsPerMinute(new TypeRecord(ItemType.CarefulReading, 20, 6));
        var strongCareful = AdaptivePlanner.PointsPerMinute(new TypeRecord(ItemType.CarefulReading, 20, 18));
        var weakCloze = AdaptivePlanner.PointsPerMinute(new TypeRecord(ItemType.BankedCloze, 20, 6));

        Assert.True(weakCareful > strongCareful);
        // Careful reading: 14.2 points a question over 2 minutes; banked cloze: 3.55 over 0.8 minutes.
        Assert.Equal(14.2 / 2 * (15.0 / 22), weakCareful, 6);
        Assert.Equal(3.55 / 0.8 * (15.0 / 22), weakCloze, 6);
        Assert.True(weakCareful > weakCloze);
    }

    [Fact]
    public void UnpractisedTypes_StartFromAnEvenErrorRate()
    {
        Assert.Equal(0.5, AdaptivePlanner.ErrorRate(new TypeRecord(ItemType.ListeningNews, 0, 0)));
    }

    [Fact]
    public void Plan_FavoursTheWeakValuableType_PutsUnseenItemsFirst_AndIsDeterministic()
    {
        TypeRecord[] records = [new(ItemType.CarefulReading, 40, 8), new(ItemType.BankedCloze, 40, 38)];
        var now = DateTime.UtcNow;
        var candidates = Enumerable.Range(1, 30).Select(i => new Candidate(i, ItemType.CarefulReading, Seen: i <= 20, i <= 20 ? now.AddDays(-i) : null))
            .Concat(Enumerable.Range(101, 30).Select(i => new Candidate(i, ItemType.BankedCloze, false, null))).ToList();

        var plan = AdaptivePlanner.Plan(records, candidates, 20, seed: 42);

        Assert.Equal(plan, AdaptivePlanner.Plan(records, candidates, 20, seed: 42));
        Assert.Equal(20, plan.Distinct().Count());
        var careful = plan.Where(id => id <= 30).ToList();
        Assert.True(careful.Count > plan.Count / 2, $"careful reading got {careful.Count} of {plan.Count}");
        // The unseen careful-reading items (21-30) come before any seen one; then the oldest seen first.
        var firstTen = careful.Take(Math.Min(10, careful.Count)).ToList();
        Assert.All(firstTen, id => Assert.True(id > 20));
        if (careful.Count > 10) Assert.Equal(20, careful[10]);
    }

    [Fact]
    public void Plan_NeverRepeatsAnItem_AndStopsWhenItemsRunOut()
    {
        var plan = AdaptivePlanner.Plan([new(ItemType.ListeningNews, 0, 0)], [new(1, ItemType.ListeningNews, false, null), new(2, ItemType.ListeningNews, true, null)], 10, 1);

        Assert.Equal([1, 2], plan);
    }
}
