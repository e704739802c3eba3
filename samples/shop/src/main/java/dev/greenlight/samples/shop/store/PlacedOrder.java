package dev.greenlight.samples.shop.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/** An order as stored; {@code status} is null in release 1, which does not know the column. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlacedOrder(
    long id,
    String email,
    long totalCents,
    String status,
    OffsetDateTime createdAt,
    List<OrderLine> lines) {}
