namespace CET4Trainer.Tests.TestSupport;

// A private folder under the system temp directory, removed with everything in it on dispose.
public sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix = "cet4-test-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that has not let go of a file yet; the OS cleans temp folders eventually.
        }
    }
}
