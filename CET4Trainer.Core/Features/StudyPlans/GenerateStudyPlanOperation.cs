using System.Text.Json;
using System.Text.Json.Serialization;
using CET4Trainer.Core.Ai;
using Microsoft.Extensions.AI;

namespace CET4Trainer.Core.Features.StudyPlans;

// A week-by-week plan from the exam date, the weekly time and per-type statistics (of one student or
// of a class). The checks hold a model to the same promises the offline planner keeps: one entry per
// week, known activities, and every week within the time the learner has.
public sealed class GenerateStudyPlanOperation : AiOperation<StudyPlanInput, StudyPlanOutput>
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public override string Name => "GenerateStudyPlan";

    public override int PromptVersion => 1;

    public override int MaxOutputTokens => 4000;

    public override IList<ChatMessage> BuildPrompt(StudyPlanInput input)
    {
        var who = input.Audience == PlanAudience.Class
            ? $"a class of {input.Learners} students preparing together (the teacher will turn each week into an assignment)"
            : "one student";
        var system = $$"""
            You are a CET-4 (College English Test Band 4) study coach. Write a week-by-week study plan for {{who}}.
            Answer with ONE JSON object and nothing else: {"summary": string, "weeks": [{"week": 1, "focus": string, "sessions": [{"type": string, "minutes": integer, "activity": string}]}]}.
            Rules:
            - "weeks" has exactly {{input.Weeks}} entries, numbered 1 to {{input.Weeks}} in order.
            - The minutes of each week's sessions add up to at most {{input.MinutesPerWeek}} and at least half of it.
            - "type" is one of: {{string.Join(", ", PlanActivities.All)}}. "Mock" is a full paper of {{PlanActivities.MockMinutes}} minutes; "Vocabulary" is word review.
            - Give most time to the areas with the highest pointsPerMinute (points a minute of practice may still recover); an area with 0 questions has not been tried yet.
            - "focus", "activity" and "summary" are written in Simplified Chinese; each activity says concretely what to do (how many passages, essays or listening groups, and how to review).
            - Put a full mock in the last week or two when the weekly time allows it.
            """;
        var user = "Statistics (accuracy is the share right, or of points for writing and translation; sections are estimated scores on the 710 scale):\n"
            + JsonSerializer.Serialize(input, Json);
        return [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, user)];
    }

    public override IReadOnlyList<string> Validate(StudyPlanOutput output, StudyPlanInput input)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(output.Summary)) errors.Add("summary is empty.");
        var weeks = output.Weeks ?? [];
        if (weeks.Count != input.Weeks) errors.Add($"weeks must have exactly {input.Weeks} entries, one per week; it has {weeks.Count}.");
        for (var i = 0; i < weeks.Count; i++)
        {
            var week = weeks[i];
            if (week is null) { errors.Add($"weeks[{i}] is null."); continue; }
            if (week.Week != i + 1) errors.Add($"weeks[{i}].week must be {i + 1}, not {week.Week}.");
            if (string.IsNullOrWhiteSpace(week.Focus)) errors.Add($"week {i + 1} has no focus.");
            var sessions = week.Sessions ?? [];
            if (sessions.Count == 0) { errors.Add($"week {i + 1} has no sessions."); continue; }
            foreach (var session in sessions)
            {
                if (session is null) { errors.Add($"week {i + 1} has a null session."); continue; }
                if (!PlanActivities.IsKnown(session.Type)) errors.Add($"week {i + 1}: unknown session type \"{session.Type}\"; use one of {string.Join(", ", PlanActivities.All)}.");
                if (session.Minutes < 5) errors.Add($"week {i + 1}: a session of {session.Minutes} minutes is too short (at least 5).");
                if (string.IsNullOrWhiteSpace(session.Activity)) errors.Add($"week {i + 1}: a session has no activity.");
            }
            var minutes = sessions.Where(s => s is not null).Sum(s => Math.Max(0, s.Minutes));
            if (minutes > input.MinutesPerWeek) errors.Add($"week {i + 1} plans {minutes} minutes, more than the weekly budget of {input.MinutesPerWeek}.");
            else if (minutes * 2 < input.MinutesPerWeek) errors.Add($"week {i + 1} uses only {minutes} of {input.MinutesPerWeek} minutes; plan at least half.");
        }
        return errors;
    }

    public override Task<StudyPlanOutput> RunOfflineAsync(StudyPlanInput input, CancellationToken cancellationToken) =>
        Task.FromResult(OfflinePlanner.Plan(input));
}
