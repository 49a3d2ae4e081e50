// Reads listening transcripts aloud with the browser's speech synthesis.
// Lines starting "M:" and "W:" are spoken in a male and a female voice where the browser has them.
function voices() {
    const all = window.speechSynthesis ? window.speechSynthesis.getVoices().filter(v => v.lang && v.lang.startsWith("en")) : [];
    const female = all.find(v => /female|woman|zira|samantha|victoria|karen/i.test(v.name)) || all[0];
    const male = all.find(v => v !== female) || all[0];
    return { male, female };
}

export function supported() {
    return typeof window !== "undefined" && "speechSynthesis" in window;
}

export function speak(sentences, rate, helper) {
    if (!supported()) { helper.invokeMethodAsync("Finished"); return false; }
    window.speechSynthesis.cancel();
    const { male, female } = voices();
    sentences.forEach((text, index) => {
        const speaker = /^W:/.test(text) ? female : /^M:/.test(text) ? male : female;
        const u = new SpeechSynthesisUtterance(text.replace(/^[MW]:\s*/, ""));
        u.lang = "en-US";
        u.rate = rate;
        if (speaker) u.voice = speaker;
        u.onstart = () => helper.invokeMethodAsync("Speaking", index);
        if (index === sentences.length - 1) {
            u.onend = () => helper.invokeMethodAsync("Finished");
            u.onerror = () => helper.invokeMethodAsync("Finished");
        }
        window.speechSynthesis.speak(u);
    });
    return true;
}

export function stop() {
    if (supported()) window.speechSynthesis.cancel();
}
