package com.example.shop;

import java.math.BigDecimal;

/** A registered customer. */
public record Customer(String id, String name, BigDecimal loyaltyDiscount) {}
