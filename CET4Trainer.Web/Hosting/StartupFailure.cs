using Microsoft.Extensions.Options;

namespace CET4Trainer.Web.Hosting;

// A bad setting ends start-up with one readable line naming the key, and a non-zero exit code.
public static class StartupFailure
{
    public static bool IsConfigurationError(Exception ex) =>
        Unwrap(ex) is OptionsValidationException or InvalidDataException or FormatException;

    public static void Report(Exception ex)
    {
        var inner = Unwrap(ex);
        var message = inner is OptionsValidationException options ? string.Join(Environment.NewLine, options.Failures) : inner.Message;
        Console.Error.WriteLine("CET4Trainer cannot start: invalid configuration.");
        Console.Error.WriteLine(message);
        Console.Error.WriteLine("Fix appsettings.json or the environment variable that overrides it, then start again.");
    }

    private static Exception Unwrap(Exception ex)
    {
        while (ex is AggregateException { InnerException: { } inner })
        {
            ex = inner;
        }
        return ex;
    }
}
