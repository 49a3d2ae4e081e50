namespace CET4Trainer.Core.Telemetry.Metrics;

// What a series saw inside the sliding window (plus running totals since start-up).
public sealed record WindowReading(long Count, double Sum, double CoveredSeconds, long TotalCount, double TotalSum)
{
    public double CountPerSecond => CoveredSeconds <= 0 ? 0 : Count / CoveredSeconds;

    public double SumPerSecond => CoveredSeconds <= 0 ? 0 : Sum / CoveredSeconds;
}

// Counts, sums and (optionally) log buckets in a ring of time slots. The window is the current slot
// plus the ones before it, so it covers between (slots - 1) and slots slot-lengths; the rate divides
// by exactly the time covered (or the time since start if shorter), not by the nominal window.
internal sealed class WindowSeries
{
    private readonly Slot[] slots;
    private readonly long slotSeconds;
    private readonly double startedUnix;
    private readonly bool distribution;
    private long totalCount;
    private double totalSum;

    public WindowSeries(TimeSpan window, int slotCount, bool distribution, double startedUnix)
    {
        slotSeconds = Math.Max(1, (long)Math.Round(window.TotalSeconds / slotCount));
        slots = new Slot[slotCount];
        for (var i = 0; i < slotCount; i++) slots[i] = new Slot();
        this.distribution = distribution;
        this.startedUnix = startedUnix;
    }

    public void Record(double value, double nowUnix)
    {
        var index = (long)Math.Floor(nowUnix / slotSeconds);
        lock (slots)
        {
            var slot = slots[(int)(index % slots.Length)];
            if (slot.Index != index) slot.Reset(index);
            slot.Count++;
            slot.Sum += value;
            if (distribution)
            {
                var bucket = LogBuckets.Index(value);
                slot.Buckets[bucket] = slot.Buckets.GetValueOrDefault(bucket) + 1;
            }
            totalCount++;
            totalSum += value;
        }
    }

    // Adds this series' window to `buckets` (when given) and returns its reading.
    public WindowReading Read(double nowUnix, SortedDictionary<int, long>? buckets = null)
    {
        var current = (long)Math.Floor(nowUnix / slotSeconds);
        var oldest = current - slots.Length + 1;
        long count = 0;
        double sum = 0;
        lock (slots)
        {
            foreach (var slot in slots)
            {
                if (slot.Index < oldest || slot.Index > current) continue;
                count += slot.Count;
                sum += slot.Sum;
                if (buckets is null) continue;
                foreach (var (index, n) in slot.Buckets) buckets[index] = buckets.GetValueOrDefault(index) + n;
            }
            var covered = nowUnix - Math.Max(oldest * (double)slotSeconds, startedUnix);
            return new WindowReading(count, sum, Math.Max(covered, 1), totalCount, totalSum);
        }
    }

    private sealed class Slot
    {
        public long Index = -1;
        public long Count;
        public double Sum;
        public readonly Dictionary<int, long> Buckets = [];

        public void Reset(long index)
        {
            Index = index;
            Count = 0;
            Sum = 0;
            Buckets.Clear();
        }
    }
}
