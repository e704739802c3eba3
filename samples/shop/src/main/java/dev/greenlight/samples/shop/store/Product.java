package dev.greenlight.samples.shop.store;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A catalogue entry; {@code description} is null in release 2, which no longer reads it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Product(long id, String sku, String name, String description, int priceCents) {}
