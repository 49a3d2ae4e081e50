using System.Security.Claims;
using System.Text;
using CET4Trainer.Core.Features.Accounts;
using CET4Trainer.Core.Features.Gradebook;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Hosting;

namespace CET4Trainer.Web.Hosting;

public static class GradebookEndpoints
{
    // The course's gradebook as a CSV file for Excel. Another teacher's course answers 404, as if it did
    // not exist; a student is refused by the role check before the handler runs.
    public static WebApplication MapCet4GradebookEndpoints(this WebApplication app)
    {
        app.MapGet("/teacher/courses/{courseId:int}/gradebook.csv", async (int courseId, HttpContext http, GradebookService gradebooks, LocalClock clock) =>
            {
                var viewer = new Viewer(http.User.FindFirstValue(ClaimTypes.NameIdentifier)!, http.User.IsInRole(Roles.Admin));
                var book = await gradebooks.BuildAsync(courseId, viewer, http.RequestAborted);
                if (book is null) return Results.NotFound();
                var name = $"成绩册-{book.CourseName}-{clock.Now():yyyyMMdd}.csv";
                http.Response.Headers.ContentDisposition = Attachment($"gradebook-{courseId}.csv", name);
                http.Response.Headers.CacheControl = "no-store";
                return Results.Bytes(GradebookCsv.Write(book), "text/csv; charset=utf-8");
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Teacher, Roles.Admin));
        return app;
    }

    // RFC 6266 with an RFC 5987 filename*: browsers that read it get the Chinese name, the rest the ASCII one.
    // Characters Windows refuses in a file name are replaced, so the download saves under the course's name.
    internal static string Attachment(string asciiFallback, string fileName)
    {
        var safe = new string(fileName.Select(c => char.IsControl(c) || c is '"' or '\\' or '/' or ':' or '*' or '?' or '<' or '>' or '|' ? '_' : c).ToArray());
        return $"attachment; filename=\"{asciiFallback}\"; filename*=UTF-8''{Rfc5987(safe)}";
    }

    // attr-char (RFC 5987 section 3.2.1) stays as it is; every other UTF-8 byte becomes %XX.
    internal static string Rfc5987(string value)
    {
        var text = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || "!#$&+-.^_`|~".Contains(c)) text.Append(c);
            else text.Append('%').Append(b.ToString("X2"));
        }
        return text.ToString();
    }
}
