using CET4Trainer.Core.Hosting;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Core.Features.Exam;

public sealed record ExamSitting(DateOnly Date, bool Announced, int DaysLeft);

public sealed class ExamCalendar(LocalClock clock, IOptions<ExamOptions> options)
{
    public ExamSitting Next()
    {
        var today = clock.Today();
        var announced = options.Value.Dates.Where(d => d >= today).Order().ToList();
        if (announced.Count > 0)
        {
            return new ExamSitting(announced[0], true, announced[0].DayNumber - today.DayNumber);
        }
        var estimate = EstimatedSittings(today.Year).Concat(EstimatedSittings(today.Year + 1)).First(d => d >= today);
        return new ExamSitting(estimate, false, estimate.DayNumber - today.DayNumber);
    }

    // CET-4 is sat in June and December; from 2023 to 2025 every sitting fell on the Saturday
    // between the 13th and the 19th of the month.
    public static IEnumerable<DateOnly> EstimatedSittings(int year)
    {
        foreach (var month in new[] { 6, 12 })
        {
            var day = new DateOnly(year, month, 13);
            while (day.DayOfWeek != DayOfWeek.Saturday)
            {
                day = day.AddDays(1);
            }
            yield return day;
        }
    }
}
