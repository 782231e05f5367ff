package dev.lantern.shared.image;

/** Order of the colour planes a model expects. */
public enum ChannelOrder {
    RGB,
    BGR
}
