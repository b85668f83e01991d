// The after-action report's model and renderers. (Being written.)
