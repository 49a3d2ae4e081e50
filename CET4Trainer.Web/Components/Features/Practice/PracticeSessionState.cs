using System.Diagnostics;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;

namespace CET4Trainer.Web.Components.Features.Practice;

// Circuit-local state of the session on screen: the loaded session, where the student is, and how
// long the current item has been in front of them. Answers go straight to the service.
public sealed class PracticeSessionState(PracticeService practice, TimeProvider clock)
{
    private readonly Stopwatch onItem = new();

    public SessionView? View { get; private set; }
    public int Position { get; private set; }
    public string? Message { get; set; }

    public event Action? Changed;

    public SessionItemView? Current => View is null || View.Items.Count == 0 ? null : View.Items[Math.Clamp(Position, 0, View.Items.Count - 1)];

    public async Task<bool> LoadAsync(int sessionId, string studentId)
    {
        View = await practice.LoadAsync(sessionId, studentId);
        Position = View?.CurrentPosition ?? 0;
        onItem.Restart();
        return View is not null;
    }

    public Answer? AnswerFor(ItemView item, int number) =>
        View!.AnswersByQuestion.GetValueOrDefault(item.QuestionId(number));

    public async Task<SubmitResult> AnswerAsync(ItemView item, int number, string response, bool final = true)
    {
        var spent = (int)onItem.ElapsedMilliseconds;
        onItem.Restart();
        var result = await practice.SubmitAsync(View!, item, number, response, spent, final);
        if (result.Accepted && final && result.Correct == true && View!.Mode == PracticeMode.Mistakes)
        {
            await practice.ResolveMistakesAsync(View.StudentId, item.Id, number);
        }
        Message = result.Refusal;
        Changed?.Invoke();
        return result;
    }

    public async Task MoveAsync(int position)
    {
        if (View is null) return;
        Position = Math.Clamp(position, 0, View.Items.Count - 1);
        onItem.Restart();
        await practice.MoveAsync(View, Position);
        Changed?.Invoke();
    }

    public async Task<bool> StartListeningAsync() => await practice.StartListeningAsync(View!, Current!.Position);

    public async Task FinishAsync()
    {
        await practice.CompleteAsync(View!);
        await LoadAsync(View!.Id, View.StudentId);
        Changed?.Invoke();
    }

    public async Task HandInPartAsync(int part)
    {
        await practice.HandInPartAsync(View!, part);
        await LoadAsync(View!.Id, View.StudentId);
        var next = View!.Items.FirstOrDefault(i => i.Part > part);
        if (next is not null) await MoveAsync(next.Position);
        Changed?.Invoke();
    }

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public bool FeedbackNow => View is not null && View.ShowsFeedback(View.Status, UtcNow);

    public bool IsLocked(SessionItemView item) =>
        View!.Status == SessionStatus.Completed || (View.IsMock && PracticeService.MockLocked(View, item.Part, UtcNow));
}
