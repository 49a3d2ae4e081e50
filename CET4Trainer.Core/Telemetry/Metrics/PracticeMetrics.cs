using System.Diagnostics.Metrics;
using CET4Trainer.Core.Features.Practice;

namespace CET4Trainer.Core.Telemetry.Metrics;

// Practice answers and completed sessions, counted from the activity hub (after the change has committed)
// so the practice code carries no metrics of its own.
public sealed class PracticeMetrics : IDisposable
{
    public const string MeterName = "CET4Trainer.Practice";
    public const string AnswersName = "cet4.practice.answers";
    public const string SessionsName = "cet4.practice.sessions.completed";

    private readonly IDisposable subscription;

    public PracticeMetrics(IMeterFactory meters, PracticeActivityHub hub)
    {
        var meter = meters.Create(MeterName);
        var answers = meter.CreateCounter<long>(AnswersName, "{answer}", "Final answers saved by students");
        var sessions = meter.CreateCounter<long>(SessionsName, "{session}", "Practice sessions completed");
        subscription = hub.Subscribe(a => a.Kind is PracticeActivityKind.Answered or PracticeActivityKind.Completed, activity =>
        {
            if (activity.Kind == PracticeActivityKind.Answered) answers.Add(1);
            else sessions.Add(1);
        });
    }

    public void Dispose() => subscription.Dispose();
}
