using System.Data.Common;
using System.Diagnostics;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace CET4Trainer.Core.Features.Vocabulary;

// Loads the CET-4 word list on first start (an empty Words table); later starts find it there.
internal sealed class VocabularySeeder(IDbContextFactory<AppDbContext> contexts, ILogger<VocabularySeeder> logger) : ISeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Words.AnyAsync(cancellationToken))
        {
            return;
        }
        var watch = Stopwatch.StartNew();
        var words = VocabularyData.Load();
        if (db.Database.IsSqlite())
        {
            // EF sends SQLite one command per row; one prepared command in one transaction is ~20x faster.
            await InsertSqliteAsync(db, words, cancellationToken);
        }
        else
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Words.AddRange(words);
            await db.SaveChangesAsync(cancellationToken);
        }
        logger.LogInformation("Loaded {Words} CET-4 words with {Examples} example sentences in {ElapsedMs} ms",
            words.Count, words.Sum(w => w.Examples.Count), watch.ElapsedMilliseconds);
    }

    private static async Task InsertSqliteAsync(AppDbContext db, List<Word> words, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using var word = Command(connection, """
            INSERT INTO "Words" ("Id", "Headword", "Phonetic", "PartsOfSpeech", "TranslationZh", "DefinitionEn", "BncRank", "FrqRank", "Forms")
            VALUES ($id, $headword, $phonetic, $pos, $zh, $en, $bnc, $frq, $forms)
            """, "$id", "$headword", "$phonetic", "$pos", "$zh", "$en", "$bnc", "$frq", "$forms");
        await using var example = Command(connection, """
            INSERT INTO "WordExamples" ("WordId", "Source", "Form", "English", "Chinese", "Attribution")
            VALUES ($word, $source, $form, $english, $chinese, $attribution)
            """, "$word", "$source", "$form", "$english", "$chinese", "$attribution");
        word.Transaction = example.Transaction = transaction.GetDbTransaction();
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            w.Id = i + 1;
            Set(word, w.Id, w.Headword, w.Phonetic, w.PartsOfSpeech, w.TranslationZh, w.DefinitionEn, w.BncRank, w.FrqRank, w.Forms);
            await word.ExecuteNonQueryAsync(cancellationToken);
            foreach (var e in w.Examples)
            {
                Set(example, w.Id, (int)e.Source, e.Form, e.English, e.Chinese, e.Attribution);
                await example.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            command.Parameters.Add(p);
        }
        command.Prepare();
        return command;
    }

    private static void Set(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }
}
