using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Scoring;

namespace CET4Trainer.Core.Features.Practice;

public sealed record TypeRecord(ItemType Type, int Attempts, int Correct);

public sealed record Candidate(int ItemId, ItemType Type, bool Seen, DateTime? LastSeenUtc);

// Daily practice: item types are weighted by the points a student can still recover per minute of
// practice (error rate x scaled points per question / exam minutes per question); within a type,
// items the student has never seen come first, then the ones seen longest ago.
public static class AdaptivePlanner
{
    // Estimated share of questions of the type the student gets wrong; a Beta(1, 1) prior keeps
    // unpractised types near one half instead of zero or one.
    public static double ErrorRate(TypeRecord r) => (r.Attempts - r.Correct + 1.0) / (r.Attempts + 2.0);

    public static double PointsPerMinute(TypeRecord r) =>
        ErrorRate(r) * ExamScale.ScaledPointsPerQuestion(r.Type) / ExamScale.MinutesPerQuestion(r.Type);

    public static IReadOnlyList<(ItemType Type, double Weight)> Weights(IEnumerable<TypeRecord> records)
    {
        var list = records.Select(r => (r.Type, Weight: PointsPerMinute(r))).ToList();
        var total = list.Sum(x => x.Weight);
        return list.Select(x => (x.Type, total == 0 ? 0 : x.Weight / total)).OrderByDescending(x => x.Item2).ToList();
    }

    public static List<int> Plan(IEnumerable<TypeRecord> records, IEnumerable<Candidate> candidates, int length, int seed)
    {
        var random = new Random(seed);
        var byType = candidates.GroupBy(c => c.Type).ToDictionary(
            g => g.Key,
            g => new Queue<Candidate>(g.OrderBy(c => c.Seen).ThenBy(c => c.LastSeenUtc ?? DateTime.MinValue).ThenBy(_ => random.Next())));
        var weights = Weights(records.Where(r => byType.ContainsKey(r.Type))).ToList();
        var plan = new List<int>();
        while (plan.Count < length && weights.Count > 0)
        {
            // Draw a type in proportion to its weight.
            var roll = random.NextDouble() * weights.Sum(w => w.Weight);
            var pick = weights[^1].Type;
            foreach (var (type, weight) in weights)
            {
                if ((roll -= weight) <= 0) { pick = type; break; }
            }
            var queue = byType[pick];
            plan.Add(queue.Dequeue().ItemId);
            if (queue.Count == 0) weights.RemoveAll(w => w.Type == pick);
        }
        return plan;
    }
}
