namespace CET4Trainer.Core.Ai;

public static class AiEngines
{
    // The label every result of the built-in engine carries, in the UI and in call records.
    public const string Offline = "离线引擎";
}
