using CET4Trainer.Core.Features.Generators;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using CET4Trainer.Core.Features.Review;
using CET4Trainer.Core.Features.Scoring;
using CET4Trainer.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

// These scenario tests call many service methods in a row; they use the services' default tokens.
#pragma warning disable xUnit1051

namespace CET4Trainer.Tests.Features.Practice;

// Practice against a real SQLite file with the bundled content and vocabulary loaded.
public sealed class PracticeServiceTests : IAsyncLifetime
{
    private readonly CommandCounter commands = new();
    private readonly SqliteTestDatabase database;
    private readonly FixedClock clock = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private string student = "";
    private SessionStarter starter = default!;
    private PracticeService practice = default!;
    private DeckService deck = default!;
    private PracticeActivityHub activity = default!;

    public PracticeServiceTests() => database = new SqliteTestDatabase(commands);

    public async ValueTask InitializeAsync()
    {
        await using (var db = database.CreateDbContext())
        {
            db.Words.AddRange(CET4Trainer.Core.Features.Vocabulary.VocabularyData.Load());
            await db.SaveChangesAsync();
        }
        await PracticeServices.LoadBundledContentAsync(database);
        student = (await database.AddUserAsync("s1@example.edu.cn")).Id;
        var services = new PracticeServices(database, clock);
        (starter, practice, deck, activity) = (services.Starter, services.Practice, services.Deck, services.Activity);
    }

    [Fact]
    public async Task FinalAnswersAndCompletion_ArePublished_AfterTheyAreSaved_DraftsAreNot()
    {
        var seen = new List<(PracticeActivity Activity, int SavedAnswers)>();
        using var subscription = activity.Subscribe(a => a.StudentId == student, a =>
        {
            using var db = database.CreateDbContext();
            seen.Add((a, db.Answers.Count(x => x.SessionId == a.SessionId && x.IsFinal)));
        });
        using var other = activity.Subscribe(a => a.StudentId == "someone-else", _ => throw new InvalidOperationException("filtered out"));
        var start = await starter.StartDrillAsync(student, ItemType.ListeningNews, null, 1);
        var view = (await practice.LoadAsync(start.SessionId!.Value, student))!;
        var item = view.Items[0].Item;

        await practice.SubmitAsync(view, item, 1, item.Draft.Questions[0].Answer, 1000);
        await practice.CompleteAsync(view);

        Assert.Equal([PracticeActivityKind.Answered, PracticeActivityKind.Completed], seen.Select(s => s.Activity.Kind));
        Assert.Equal(1, seen[0].SavedAnswers);
        Assert.All(seen, s => Assert.Equal(view.Id, s.Activity.SessionId));
        Assert.All(seen, s => Assert.Null(s.Activity.AssignmentId));
    }

    [Fact]
    public async Task Drill_AnswersAreSavedAsGiven_AndAReloadContinuesAtTheSamePlace()
    {
        var start = await starter.StartDrillAsync(student, ItemType.ListeningNews, null, 5);
        var view = (await practice.LoadAsync(start.SessionId!.Value, student))!;
        Assert.Equal(5, view.Items.Count);

        var first = view.Items[0].Item;
        var right = await practice.SubmitAsync(view, first, 1, first.Draft.Questions[0].Answer, 4000);
        var wrongLetter = first.Draft.Questions[1].Answer == "A" ? "B" : "A";
        var wrong = await practice.SubmitAsync(view, first, 2, wrongLetter, 3000);
        await practice.MoveAsync(view, 1);

        var reloaded = (await practice.LoadAsync(view.Id, student))!;
        Assert.True(right.Correct);
        Assert.False(wrong.Correct);
        Assert.Equal(1, reloaded.CurrentPosition);
        Assert.Equal(first.Draft.Questions[0].Answer, reloaded.AnswersByQuestion[first.QuestionId(1)].Response);
        Assert.Equal(wrongLetter, reloaded.AnswersByQuestion[first.QuestionId(2)].Response);
        Assert.Equal(4000, reloaded.AnswersByQuestion[first.QuestionId(1)].TimeSpentMs);
        Assert.Equal(1, reloaded.AnswersByQuestion[first.QuestionId(1)].Score);

        // Changing an answer replaces it rather than adding a second one.
        await practice.SubmitAsync(reloaded, first, 2, first.Draft.Questions[1].Answer, 1000);
        await using var db = database.CreateDbContext();
        Assert.Equal(2, await db.Answers.CountAsync(a => a.SessionId == view.Id));
        Assert.Null(await practice.LoadAsync(view.Id, "someone-else"));
    }

    [Fact]
    public async Task EachAnswer_RightOrWrong_CostsOneRoundTripToTheDatabase()
    {
        var start = await starter.StartDrillAsync(student, ItemType.CarefulReading, null, 1);
        var view = (await practice.LoadAsync(start.SessionId!.Value, student))!;
        var item = view.Items[0].Item;

        commands.Reset();
        await practice.SubmitAsync(view, item, 1, item.Draft.Questions[0].Answer, 1000);
        var right = commands.Count;
        commands.Reset();
        await practice.SubmitAsync(view, item, 2, item.Draft.Questions[1].Answer == "A" ? "B" : "A", 1000);
        var wrong = commands.Count;
        commands.Reset();
        await practice.SubmitAsync(view, item, 2, item.Draft.Questions[1].Answer, 1000);
        var changed = commands.Count;

        Assert.Equal((1, 1, 1), (right, wrong, changed));
    }

    [Fact]
    public async Task ItemStatistics_AreComputedFromAnswers()
    {
        var others = new List<string>();
        for (var i = 0; i < 4; i++) others.Add((await database.AddUserAsync($"stat{i}@example.edu.cn")).Id);
        await using var setup = database.CreateDbContext();
        var itemId = await setup.Items.Where(i => i.Type == ItemType.ListeningConversation).Select(i => i.Id).FirstAsync();
        foreach (var (who, index) in others.Select((o, i) => (o, i)))
        {
            // Every student gets the same item, so its statistics have four answers per question.
            var session = new PracticeSession { StudentId = who, Title = "stats", Items = [new SessionItem { Position = 0, ItemId = itemId }] };
            setup.PracticeSessions.Add(session);
            await setup.SaveChangesAsync();
            var view = (await practice.LoadAsync(session.Id, who))!;
            var item = view.Items[0].Item;
            // Students 0 and 1 answer everything right, 2 and 3 everything wrong.
            foreach (var q in item.Draft.Questions)
                await practice.SubmitAsync(view, item, q.Number, index < 2 ? q.Answer : (q.Answer == "A" ? "B" : "A"), 100);
        }

        await new ItemStatistics(database).RecomputeAsync();

        await using var db = database.CreateDbContext();
        var stats = await db.Questions.Where(q => q.ItemId == itemId).ToListAsync();
        Assert.All(stats, q =>
        {
            Assert.Equal(4, q.Attempts);
            Assert.Equal(0.5, q.Facility);
            Assert.Equal(1.0, q.Discrimination);
        });
    }

    [Fact]
    public async Task WrongAnswers_GoToTheMistakesNotebook_AndTheirWordsToTheDeck()
    {
        var start = await starter.StartDrillAsync(student, ItemType.BankedCloze, null, 1);
        var view = (await practice.LoadAsync(start.SessionId!.Value, student))!;
        var cloze = view.Items[0].Item;
        var index = await new WordIndexProvider(database).GetAsync();
        // A blank whose answer is a CET-4 word (only those can enter the deck).
        var q = cloze.Draft.Questions.First(x => index.Find(cloze.Draft.WordBank["ABCDEFGHIJKLMNO".IndexOf(x.Answer)]) is not null);
        var rightWord = cloze.Draft.WordBank["ABCDEFGHIJKLMNO".IndexOf(q.Answer)];
        var wrong = q.Answer == "A" ? "B" : "A";

        await practice.SubmitAsync(view, cloze, q.Number, wrong, 1000);
        var added = await deck.AddFromMistakesAsync(student);

        await using var db = database.CreateDbContext();
        var mistake = await db.Mistakes.SingleAsync();
        Assert.Equal(MistakeCause.Vocabulary, mistake.Cause);
        Assert.True(mistake.WordsAdded);
        var headword = index.Find(rightWord)!.Headword;
        var cards = await db.VocabCards.Join(db.Words, c => c.WordId, w => w.Id, (c, w) => new { c.Origin, w.Headword }).ToListAsync();
        Assert.Equal(1, added);
        Assert.Contains(cards, c => c.Headword == headword && c.Origin == CardOrigin.Mistake);
        Assert.Equal(0, await deck.AddFromMistakesAsync(student));

        var again = await starter.StartMistakesAsync(student, 10);
        var retry = (await practice.LoadAsync(again.SessionId!.Value, student))!;
        Assert.Equal(cloze.Id, Assert.Single(retry.Items).Item.Id);
    }

    [Fact]
    public async Task Review_RatesCardsOnTheFsrsSchedule_AndFlagsLeeches()
    {
        var startOfDay = clock.Now.UtcDateTime.Date;
        var due = await deck.DueAsync(student, startOfDay, 50);
        Assert.Equal(20, due.Count);
        Assert.Equal(20, due.Select(d => d.WordId).Distinct().Count());

        var card = await deck.RateAsync(student, due[0].CardId, Rating.Good);
        Assert.Equal(CardState.Learning, card!.State);
        Assert.Equal(clock.Now.UtcDateTime.AddMinutes(10), card.DueUtc);
        Assert.Null(await deck.RateAsync("someone-else", due[0].CardId, Rating.Good));

        // Eight lapses from review make a leech.
        var leech = due[1].CardId;
        await deck.RateAsync(student, leech, Rating.Easy);
        for (var i = 0; i < DeckService.LeechLapses; i++)
        {
            clock.Now = clock.Now.AddDays(30);
            var again = await deck.RateAsync(student, leech, Rating.Again);
            clock.Now = clock.Now.AddMinutes(10);
            await deck.RateAsync(student, leech, Rating.Good);
            Assert.Equal(i + 1, again!.Lapses);
        }
        await using var db = database.CreateDbContext();
        Assert.True((await db.VocabCards.SingleAsync(c => c.Id == leech)).IsLeech);
        Assert.Equal(2 + 2 * DeckService.LeechLapses, await db.ReviewLog.CountAsync());
    }

    [Fact]
    public async Task Mock_IsA57QuestionPaper_PartsLockWhenTimeIsUp_AndListeningPlaysOnce()
    {
        var start = await starter.StartMockAsync(student);
        var view = (await practice.LoadAsync(start.SessionId!.Value, student))!;
        Assert.Equal(57, view.TotalQuestions);
        var writing = view.Items.Single(i => i.Part == 0).Item;
        var listening = view.Items.First(i => i.Part == 1);

        var draft = await practice.SubmitAsync(view, writing, 1, "My first paragraph.", 1000, final: false);
        Assert.True(draft.Accepted);

        clock.Now = clock.Now.AddMinutes(31);
        var late = await practice.SubmitAsync(view, writing, 1, "Too late.", 1000, final: false);
        Assert.False(late.Accepted);
        Assert.Contains("时间已到", late.Refusal);

        Assert.True(await practice.StartListeningAsync(view, listening.Position + 1));
        Assert.False(await practice.StartListeningAsync(view, listening.Position + 1));
        var answered = await practice.SubmitAsync(view, listening.Item, 1, listening.Item.Draft.Questions[0].Answer, 500);
        Assert.True(answered.Accepted);

        await practice.HandInPartAsync((await practice.LoadAsync(view.Id, student))!, 1);
        var reading = view.Items.First(i => i.Part == 2).Item;
        var nowReading = (await practice.LoadAsync(view.Id, student))!;
        Assert.True((await practice.SubmitAsync(nowReading, reading, 1, "A", 500)).Accepted);
        Assert.False((await practice.SubmitAsync(nowReading, listening.Item, 2, "A", 500)).Accepted);

        await practice.CompleteAsync(nowReading);
        var done = (await practice.LoadAsync(view.Id, student))!;
        Assert.Equal(SessionStatus.Completed, done.Status);
        var essay = done.AnswersByQuestion[writing.QuestionId(1)];
        Assert.True(essay.IsFinal);
        Assert.Equal(0, essay.Score);
        Assert.Contains("离线估算", essay.GradeJson);
    }

    public ValueTask DisposeAsync()
    {
        database.Dispose();
        return ValueTask.CompletedTask;
    }
}
