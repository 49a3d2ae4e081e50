using CET4Trainer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.Practice;

// Writes an answer in one command, so each answer costs one round trip to the database on every
// provider: an upsert keyed by (session, question), the session's last-activity time, and the
// mistake when the answer was wrong. The SQL is the same on SQLite and PostgreSQL.
internal static class AnswerWriter
{
    private const string Upsert = """
        INSERT INTO "Answers" ("SessionId", "StudentId", "ItemId", "QuestionId", "QuestionNumber", "Response", "IsFinal", "IsCorrect",
                               "Score", "MaxScore", "GradeJson", "TimeSpentMs", "AnsweredUtc")
        VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11}, {12})
        ON CONFLICT ("SessionId", "QuestionId") DO UPDATE SET
            "Response" = excluded."Response", "IsFinal" = excluded."IsFinal", "IsCorrect" = excluded."IsCorrect",
            "Score" = excluded."Score", "MaxScore" = excluded."MaxScore", "GradeJson" = excluded."GradeJson",
            "TimeSpentMs" = "Answers"."TimeSpentMs" + {13}, "AnsweredUtc" = excluded."AnsweredUtc";
        UPDATE "PracticeSessions" SET "UpdatedUtc" = {12} WHERE "Id" = {0};
        """;

    private const string AddMistake = """
        INSERT INTO "Mistakes" ("StudentId", "ItemId", "QuestionId", "QuestionNumber", "Cause", "Response", "CreatedUtc", "WordsAdded")
        VALUES ({1}, {2}, {3}, {4}, {14}, {5}, {12}, {15});
        """;

    public static Task SaveAsync(AppDbContext db, Answer a, int addedMs, Mistake? mistake, CancellationToken cancellationToken)
    {
        object?[] values =
        [
            a.SessionId, a.StudentId, a.ItemId, a.QuestionId, a.QuestionNumber, a.Response, a.IsFinal, a.IsCorrect,
            a.Score, a.MaxScore, a.GradeJson, a.TimeSpentMs, a.AnsweredUtc, addedMs, (int)(mistake?.Cause ?? 0), false,
        ];
        return db.Database.ExecuteSqlRawAsync(mistake is null ? Upsert : Upsert + AddMistake, values!, cancellationToken);
    }
}
