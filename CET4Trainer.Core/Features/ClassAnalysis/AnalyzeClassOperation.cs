using System.Text.Json;
using System.Text.Json.Serialization;
using CET4Trainer.Core.Ai;
using Microsoft.Extensions.AI;

namespace CET4Trainer.Core.Features.ClassAnalysis;

// Common problems of a class and the students who need attention, from statistics and anonymised
// samples. The answer may name students only by the labels it was given.
public sealed class AnalyzeClassOperation : AiOperation<ClassAnalysisInput, ClassAnalysisOutput>
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public const int MaxProblems = 8;

    public override string Name => "AnalyzeClass";

    public override int PromptVersion => 1;

    public override int MaxOutputTokens => 3000;

    public override IList<ChatMessage> BuildPrompt(ClassAnalysisInput input)
    {
        var system = $$"""
            You help a teacher of a CET-4 (College English Test Band 4) preparation class. From the class statistics and the
            anonymised samples below, find the class's common problems and the students who need attention.
            Answer with ONE JSON object and nothing else:
            {"summary": string, "commonProblems": [{"title": string, "detail": string, "suggestion": string}], "students": [{"student": "学生 N", "reasons": [string]}]}.
            Rules:
            - At most {{MaxProblems}} common problems, most important first; base each on the numbers or samples and quote them in "detail".
            - Name students only by their labels exactly as given ("学生 1", "学生 2"...); list a student only with concrete reasons
              (low accuracy, a falling trend, missed assignments, long inactivity, repeated errors in the samples).
            - Accuracy is the share of points; recent means the last {{input.RecentDays}} days, earlier the days before within {{input.WindowDays}} days.
            - Write "summary", "title", "detail", "suggestion" and "reasons" in Simplified Chinese.
            """;
        var user = "Class data:\n" + JsonSerializer.Serialize(input, Json);
        return [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, user)];
    }

    public override IReadOnlyList<string> Validate(ClassAnalysisOutput output, ClassAnalysisInput input)
    {
        var errors = new List<string>();
        var labels = input.StudentDetails.Select(s => s.Label).ToHashSet();
        if (string.IsNullOrWhiteSpace(output.Summary)) errors.Add("summary is empty.");
        var problems = output.CommonProblems ?? [];
        if (problems.Count > MaxProblems) errors.Add($"commonProblems has {problems.Count} entries; at most {MaxProblems}.");
        foreach (var (problem, i) in problems.Select((p, i) => (p, i)))
        {
            if (problem is null || string.IsNullOrWhiteSpace(problem.Title)) errors.Add($"commonProblems[{i}] has no title.");
        }
        var seen = new HashSet<string>();
        foreach (var note in output.Students ?? [])
        {
            var label = StudentLabels.Normalise(note?.Student);
            if (!labels.Contains(label)) errors.Add($"\"{note?.Student}\" is not one of the given student labels.");
            else if (!seen.Add(label)) errors.Add($"{label} is listed twice.");
            if (note?.Reasons is not { Count: > 0 } || note.Reasons.Any(string.IsNullOrWhiteSpace)) errors.Add($"{label} has no reasons.");
        }
        var texts = new[] { output.Summary }.Concat(problems.SelectMany(p => new[] { p?.Title, p?.Detail, p?.Suggestion }))
            .Concat((output.Students ?? []).SelectMany(s => s?.Reasons ?? []));
        foreach (var unknown in texts.SelectMany(StudentLabels.Mentioned).Where(l => !labels.Contains(l)).Distinct())
            errors.Add($"the text mentions {unknown}, which is not a student of this class.");
        return errors;
    }

    public override Task<ClassAnalysisOutput> RunOfflineAsync(ClassAnalysisInput input, CancellationToken cancellationToken) =>
        Task.FromResult(OfflineClassAnalyst.Analyse(input));
}
