using System.Diagnostics;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Items;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

// Question bank queries over 20,000 items on SQLite, each reported as a ratio to the same first-page
// query written by hand in ADO.NET, measured in the same run (docs: performance method). Release build:
//   dotnet run -c Release --project tools/BankBenchmark
var folder = Directory.CreateTempSubdirectory("cet4-bench-").FullName;
try
{
    var connection = $"Data Source={Path.Combine(folder, "bench.db")}";
    var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connection).Options;
    var factory = new Factory(options);
    await using (var db = factory.CreateDbContext())
    {
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
    await Seed(factory, 20_000);

    var bank = new ItemBankService(factory, TimeProvider.System);
    var teacher = new Viewer("teacher-7", IsAdmin: false);
    await using var raw = new SqliteConnection(connection);
    await raw.OpenAsync();
    var firstPage = raw.CreateCommand();
    firstPage.CommandText = """
        SELECT COUNT(*) FROM Items WHERE OwnerId IS NULL OR OwnerId = 'teacher-7';
        SELECT i.Id, i.Title, i.Type, i.Section, i.Difficulty, i.Status, i.Source, i.SourceModel, i.Version, i.UpdatedUtc,
               (SELECT COUNT(*) FROM Questions q WHERE q.ItemId = i.Id)
        FROM Items i WHERE i.Id IN (SELECT Id FROM Items WHERE OwnerId IS NULL OR OwnerId = 'teacher-7'
                                    ORDER BY UpdatedUtc DESC, Id DESC LIMIT 25)
        ORDER BY i.UpdatedUtc DESC, i.Id DESC;
        """;
    var baseline = Measure(() =>
    {
        using var reader = firstPage.ExecuteReader();
        do { while (reader.Read()) { _ = reader.GetValue(0); } } while (reader.NextResult());
        return Task.CompletedTask;
    });
    Console.WriteLine($"baseline hand-written first page: p50 {baseline.P50:0.000} ms, p95 {baseline.P95:0.000} ms");
    if (Environment.GetEnvironmentVariable("SHOW_SQL") is not null)
    {
        await using var db = factory.CreateDbContext();
        var visible = db.Items.Where(i => i.OwnerId == null || i.OwnerId == "teacher-7");
        Console.WriteLine(visible.OrderByDescending(i => i.UpdatedUtc).ThenByDescending(i => i.Id).Take(25)
            .Select(i => new { i.Id, i.Title, n = i.Questions.Count }).ToQueryString());
    }
    var cases = new (string Name, ItemQuery Query)[]
    {
        ("first page, newest first", new ItemQuery()),
        ("page 400", new ItemQuery { Page = 400, PageSize = 25 }),
        ("type + status", new ItemQuery { Type = ItemType.CarefulReading, Status = ItemStatus.Published }),
        ("tag", new ItemQuery { Tag = "topic-7" }),
        ("text search", new ItemQuery { Text = "notebook 123" }),
        ("mine only, by title", new ItemQuery { MineOnly = true, Sort = ItemSort.TitleAsc }),
    };
    foreach (var (name, query) in cases)
    {
        var result = Measure(() => bank.QueryAsync(query, teacher));
        Console.WriteLine($"{name,-28} p50 {result.P50,7:0.00} ms  p95 {result.P95,7:0.00} ms  ratio p50 {result.P50 / baseline.P50,6:0.0}x");
    }
}
finally
{
    SqliteConnection.ClearAllPools();
    if (Environment.GetEnvironmentVariable("KEEP_BENCH_DB") is null) Directory.Delete(folder, recursive: true);
    else Console.WriteLine($"kept {folder}");
}

static (double P50, double P95) Measure(Func<Task> action, int runs = 200)
{
    for (var i = 0; i < 20; i++) action().GetAwaiter().GetResult();
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        action().GetAwaiter().GetResult();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    return (times[runs / 2], times[runs * 95 / 100]);
}

static async Task Seed(Factory factory, int count)
{
    var types = new[] { ItemType.CarefulReading, ItemType.BankedCloze, ItemType.VocabMeaningToWord, ItemType.Writing };
    await using var db = factory.CreateDbContext();
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    for (var i = 0; i < count; i++)
    {
        var type = types[i % types.Length];
        var item = new Item
        {
            Title = $"Item {i} about notebook {i % 1000}",
            Type = type,
            Section = ItemTypes.SectionOf(type),
            Status = (ItemStatus)(i % 3),
            Source = (ItemSource)(i % 4),
            OwnerId = i % 5 == 0 ? null : $"teacher-{i % 10}",
            Difficulty = i % 5 + 1,
            Content = new ItemContent { Passage = string.Join(" ", Enumerable.Repeat($"passage text {i}", 60)) },
            Questions = [.. Enumerable.Range(1, 5).Select(n => new Question { Number = n, Stem = $"Question {n}", Options = ["a", "b", "c", "d"], Answer = "A" })],
            Tags = [new ItemTag { Tag = $"topic-{i % 40}" }],
            UpdatedUtc = DateTime.UtcNow.AddMinutes(-i),
        };
        item.SearchText = (item.Title + " " + item.Content.Passage).ToLowerInvariant()[..Math.Min(800, item.Title.Length + 1 + item.Content.Passage.Length)];
        db.Items.Add(item);
        if (i % 2000 == 1999) { await db.SaveChangesAsync(); db.ChangeTracker.Clear(); }
    }
    await db.SaveChangesAsync();
}

sealed class Factory(DbContextOptions<SqliteAppDbContext> options) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() => new SqliteAppDbContext(options);
}
