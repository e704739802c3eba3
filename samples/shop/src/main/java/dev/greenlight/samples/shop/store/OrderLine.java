package dev.greenlight.samples.shop.store;

/** One product of an order, at the price it had when the order was placed. */
public record OrderLine(long productId, int quantity, int priceCents) {}
